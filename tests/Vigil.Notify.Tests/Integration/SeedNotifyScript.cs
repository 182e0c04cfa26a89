namespace Vigil.Notify.Tests.Integration;

/// <summary>The seed's notify.sh (lecture notes, "示例通知脚本").</summary>
internal static class SeedNotifyScript
{
    /// <summary>
    /// The seed's script with only its mail line changed: instead of piping the body to <c>mail</c>, the state it was
    /// called for is appended to <paramref name="output"/>. Its case structure and usage error are kept.
    /// </summary>
    public static string Text(string output) => $$"""
        #!/bin/bash
        #
        contact='root@localhost'

        notify() {
            mailsubject="$(hostname) to be $1, vip floating"
            mailbody="$(date +'%F %T'): vrrp transition, $(hostname) changed to be $1"
            echo "$1" >> '{{output}}'
        }

        case $1 in
        master)
            notify master
            ;;
        backup)
            notify backup
            ;;
        fault)
            notify fault
            ;;
        *)
            echo "Usage: $(basename $0) {master|backup|fault}"
            exit 1
            ;;
        esac

        """;
}
