#!/bin/bash

__trsh_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__trsh_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__trsh_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__trsh_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_trsh() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--keep-going --yes -y --json --version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=(--instance -f -c)
    __trsh_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--instance')
        __trsh_add_completions -d
        return
        ;;
    '-f')
        __trsh_add_completions -f
        return
        ;;
    '-c')
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|instance|alert-source|backup|secret|restore|license|ping|overcast|upgrade|settings|cluster|help|find|history|echo|exit|quit|help)
        # Offer subcommand argument completions
        "_trsh_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show instance alert-source backup secret restore license ping overcast upgrade settings cluster help find history echo exit quit help' -- "${cur}"))
        ;;
    esac
}

_trsh_show() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    version|status|services)
        # Offer subcommand argument completions
        "_trsh_show_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'version status services' -- "${cur}"))
        ;;
    esac
}

_trsh_show_version() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_show_status() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_show_services() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_instance() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|info|decommission)
        # Offer subcommand argument completions
        "_trsh_instance_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create info decommission' -- "${cur}"))
        ;;
    esac
}

_trsh_instance_create() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=(--version --sample-data --seed --hostname --engine --database-url --password-file)
    __trsh_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--version')
        __trsh_add_completions -W '4.6'$'\n''5.x'
        return
        ;;
    '--sample-data')
        return
        ;;
    '--seed')
        return
        ;;
    '--hostname')
        return
        ;;
    '--engine')
        __trsh_add_completions -W 'sqlite'$'\n''postgresql'
        return
        ;;
    '--database-url')
        return
        ;;
    '--password-file')
        __trsh_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -d
        return
        ;;
    esac
}

_trsh_instance_info() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_instance_decommission() {
    repeating_flags=()
    non_repeating_flags=(--yes -y --json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_alert-source() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|enable|disable|credentials)
        # Offer subcommand argument completions
        "_trsh_alert-source_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show enable disable credentials' -- "${cur}"))
        ;;
    esac
}

_trsh_alert-source_list() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_alert-source_show() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion alert-source show -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_alert-source_enable() {
    repeating_flags=()
    non_repeating_flags=(--all --force --json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options -1

    # Offer positional completions
    case "${positional_number}" in
    *)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion alert-source enable -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_alert-source_disable() {
    repeating_flags=()
    non_repeating_flags=(--all --json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options -1

    # Offer positional completions
    case "${positional_number}" in
    *)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion alert-source disable -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_alert-source_credentials() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=(--principal --secret-file)
    __trsh_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--principal')
        return
        ;;
    '--secret-file')
        __trsh_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion alert-source credentials -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_backup() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|show|verify|upload|delete)
        # Offer subcommand argument completions
        "_trsh_backup_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list show verify upload delete' -- "${cur}"))
        ;;
    esac
}

_trsh_backup_create() {
    repeating_flags=()
    non_repeating_flags=(--no-incidents --force --json -h --help)
    repeating_options=()
    non_repeating_options=(--output)
    __trsh_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--output')
        __trsh_add_completions -f
        return
        ;;
    esac
}

_trsh_backup_list() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_backup_show() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion backup show -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_backup_verify() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=(--secret)
    __trsh_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--secret')
        __trsh_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion backup verify -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_backup_upload() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -o plusdirs -fX '!*.@(trbk)'
        return
        ;;
    esac
}

_trsh_backup_delete() {
    repeating_flags=()
    non_repeating_flags=(--json --yes -y -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion backup delete -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_secret() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    export|show|upload)
        # Offer subcommand argument completions
        "_trsh_secret_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'export show upload' -- "${cur}"))
        ;;
    esac
}

_trsh_secret_export() {
    repeating_flags=()
    non_repeating_flags=(--force --json -h --help)
    repeating_options=()
    non_repeating_options=(--output)
    __trsh_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--output')
        __trsh_add_completions -f
        return
        ;;
    esac
}

_trsh_secret_show() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_secret_upload() {
    repeating_flags=()
    non_repeating_flags=(--json --yes -y -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -f
        return
        ;;
    esac
}

_trsh_restore() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    run|status)
        # Offer subcommand argument completions
        "_trsh_restore_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'run status' -- "${cur}"))
        ;;
    esac
}

_trsh_restore_run() {
    repeating_flags=()
    non_repeating_flags=(--validate-encryption --no-validate-encryption --restore-admin-password --dry-run --json --yes -y -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion restore run -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_restore_status() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_license() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|add|remove|validate|proxy)
        # Offer subcommand argument completions
        "_trsh_license_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list add remove validate proxy' -- "${cur}"))
        ;;
    esac
}

_trsh_license_list() {
    repeating_flags=()
    non_repeating_flags=(--available --installed --invalid --json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_license_add() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1
}

_trsh_license_remove() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion license remove -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_license_validate() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=(--proxy --proxy-user)
    __trsh_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--proxy')
        return
        ;;
    '--proxy-user')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion license validate -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_license_proxy() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    set|show|clear)
        # Offer subcommand argument completions
        "_trsh_license_proxy_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'set show clear' -- "${cur}"))
        ;;
    esac
}

_trsh_license_proxy_set() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=(--user --password-file)
    __trsh_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--user')
        return
        ;;
    '--password-file')
        __trsh_add_completions -f
        return
        ;;
    esac
}

_trsh_license_proxy_show() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_license_proxy_clear() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_ping() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    overcast)
        # Offer subcommand argument completions
        "_trsh_ping_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'overcast' -- "${cur}"))
        ;;
    esac
}

_trsh_ping_overcast() {
    repeating_flags=()
    non_repeating_flags=(--via-license-proxy --json -h --help)
    repeating_options=()
    non_repeating_options=(-c --count -i --interval -W --timeout --proxy --proxy-user)
    __trsh_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-c'|'--count')
        return
        ;;
    '-i'|'--interval')
        return
        ;;
    '-W'|'--timeout')
        return
        ;;
    '--proxy')
        return
        ;;
    '--proxy-user')
        return
        ;;
    esac
}

_trsh_overcast() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    url|ca|timeout)
        # Offer subcommand argument completions
        "_trsh_overcast_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'url ca timeout' -- "${cur}"))
        ;;
    esac
}

_trsh_overcast_url() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    set|show)
        # Offer subcommand argument completions
        "_trsh_overcast_url_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'set show' -- "${cur}"))
        ;;
    esac
}

_trsh_overcast_url_set() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1
}

_trsh_overcast_url_show() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_overcast_ca() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    set|clear)
        # Offer subcommand argument completions
        "_trsh_overcast_ca_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'set clear' -- "${cur}"))
        ;;
    esac
}

_trsh_overcast_ca_set() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -f
        return
        ;;
    esac
}

_trsh_overcast_ca_clear() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_overcast_timeout() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    set)
        # Offer subcommand argument completions
        "_trsh_overcast_timeout_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'set' -- "${cur}"))
        ;;
    esac
}

_trsh_overcast_timeout_set() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=(--connect --read)
    __trsh_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--connect')
        return
        ;;
    '--read')
        return
        ;;
    esac
}

_trsh_upgrade() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    status|plan|next)
        # Offer subcommand argument completions
        "_trsh_upgrade_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'status plan next' -- "${cur}"))
        ;;
    esac
}

_trsh_upgrade_status() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_upgrade_plan() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_upgrade_next() {
    repeating_flags=()
    non_repeating_flags=(--run --json --yes -y -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_settings() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|map|export|copy|set|unset)
        # Offer subcommand argument completions
        "_trsh_settings_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show map export copy set unset' -- "${cur}"))
        ;;
    esac
}

_trsh_settings_show() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion settings show -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_settings_map() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_settings_export() {
    repeating_flags=()
    non_repeating_flags=(--force --json -h --help)
    repeating_options=()
    non_repeating_options=(-o --output)
    __trsh_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        __trsh_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_trsh_settings_copy() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --json --yes -y -h --help)
    repeating_options=(--section)
    non_repeating_options=(--from --from-instance)
    __trsh_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--from')
        __trsh_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--from-instance')
        __trsh_add_completions -d
        return
        ;;
    '--section')
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion settings copy -- --section "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_settings_set() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=(--value-file)
    __trsh_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--value-file')
        __trsh_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion settings set -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_settings_unset() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __trsh_add_completions -W "$(__trsh_custom_complete ---completion settings unset -- positional@0 "${COMP_CWORD}" "$(__trsh_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_trsh_cluster() {
    repeating_flags=()
    non_repeating_flags=(-h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    setup|status|verify|switchover|failover|rejoin|leave)
        # Offer subcommand argument completions
        "_trsh_cluster_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'setup status verify switchover failover rejoin leave' -- "${cur}"))
        ;;
    esac
}

_trsh_cluster_setup() {
    repeating_flags=()
    non_repeating_flags=(--discard-data --yes -y --json -h --help)
    repeating_options=()
    non_repeating_options=(--role --cluster-id --management-ip --interface --peer)
    __trsh_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--role')
        __trsh_add_completions -W 'primary'$'\n''secondary'
        return
        ;;
    '--cluster-id')
        return
        ;;
    '--management-ip')
        return
        ;;
    '--interface')
        return
        ;;
    '--peer')
        __trsh_add_completions -d
        return
        ;;
    esac
}

_trsh_cluster_status() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_cluster_verify() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_cluster_switchover() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_cluster_failover() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_cluster_rejoin() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_cluster_leave() {
    repeating_flags=()
    non_repeating_flags=(--yes -y --json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_help() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options -1
}

_trsh_find() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1
}

_trsh_history() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1
}

_trsh_echo() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options -1
}

_trsh_exit() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 1
}

_trsh_quit() {
    repeating_flags=()
    non_repeating_flags=(--json -h --help)
    repeating_options=()
    non_repeating_options=()
    __trsh_offer_flags_options 0
}

_trsh_help() {
    :
}

complete -o filenames -F _trsh trsh
