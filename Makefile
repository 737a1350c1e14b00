# trsh: `make run` builds and starts the shell; `make test` runs every test.
PREFIX ?= /usr/local
SWIFT ?= swift
# A static, non-PIE executable that exports no symbols: no Swift libraries to load, no 128k
# relocations to apply and no 39k-entry dynamic symbol table for the runtime's dladdr lookups
# at start. Together they took about a third of a one-shot command's time.
RELEASE_FLAGS = -c release --static-swift-stdlib -Xlinker -no-pie -Xlinker --no-export-dynamic

.PHONY: run build release test generate install uninstall bench clean

run: release
	.build/release/trsh $(ARGS)

release:
	scripts/deps.sh run
	$(SWIFT) build $(RELEASE_FLAGS) --product trsh

build:
	scripts/deps.sh run
	$(SWIFT) build

test:
	scripts/deps.sh test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

generate:
	scripts/generate.sh

install: release
	scripts/install.sh install "$(PREFIX)"

uninstall:
	scripts/install.sh uninstall "$(PREFIX)"

bench:
	scripts/deps.sh bench
	Benchmarks/run.sh

clean:
	rm -rf .build
