#ifndef TRSH_CEDITLINE_SHIM_H
#define TRSH_CEDITLINE_SHIM_H
// libedit's el_set/el_get/history are variadic, which Swift cannot call:
// each use gets a small fixed-argument inline wrapper here.
#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

// Swift 6 sees stdin/stdout/stderr as shared mutable globals; these read them in C.
static inline EditLine *trsh_el_init_std(const char *prog) {
  return el_init(prog, stdin, stdout, stderr);
}

typedef char *(*trsh_prompt_fn)(EditLine *);
typedef unsigned char (*trsh_key_fn)(EditLine *, int);

static inline int trsh_el_set_prompt(EditLine *el, trsh_prompt_fn fn) {
  return el_set(el, EL_PROMPT, fn);
}
static inline int trsh_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}
static inline int trsh_el_set_hist(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}
static inline int trsh_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}
static inline void *trsh_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}
static inline int trsh_el_addfn(EditLine *el, const char *name, const char *help, trsh_key_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int trsh_el_bind(EditLine *el, const char *key, const char *fn) {
  return el_set(el, EL_BIND, key, fn, NULL);
}
static inline int trsh_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}
static inline int trsh_el_refresh(EditLine *el) {
  return el_set(el, EL_REFRESH);
}
// glibc declares wcwidth only for _XOPEN_SOURCE, which Swift's Glibc module does not set.
int wcwidth(wchar_t c);
static inline int trsh_wcwidth(wchar_t c) {
  return wcwidth(c);
}
typedef int (*trsh_read_fn)(EditLine *, wchar_t *);
static inline int trsh_el_set_getcfn(EditLine *el, trsh_read_fn fn) {
  return el_set(el, EL_GETCFN, fn);
}
static inline History *trsh_history_init(int size) {
  History *h = history_init();
  HistEvent ev;
  history(h, &ev, H_SETSIZE, size);
  history(h, &ev, H_SETUNIQUE, 1);
  return h;
}
static inline int trsh_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}
static inline int trsh_history_clear(History *h) {
  HistEvent ev;
  return history(h, &ev, H_CLEAR);
}
#endif
