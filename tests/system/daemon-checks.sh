# daemon-checks.sh - p-dom0d as a system daemon, and a guest another
# toolstack (xl) starts; sourced last by program-checks.sh while the
# foreground p-dom0d of checks.sh ($dpid, log /tmp/p-dom0d.log) runs.
echo "== a guest started by xl create"
cat >/tmp/xlhello.cfg <<CFG
name = "xlhello"
type = "pvh"
kernel = "/pxen/p-guest"
ramdisk = "/pxen/progs/hello.scm"
cmdline = "-- hello.scm"
memory = 32
tsc_mode = "native"
on_poweroff = "destroy"
on_reboot = "destroy"
on_crash = "destroy"
CFG
xid=$(start_guest_cfg xlhello /tmp/xlhello.cfg)
wait_gone "${xid:-0}" 60
show_log xlhello
check "an xl-started guest's stdout shows on its console" \
	grep -q "Hello, world!" "$(guest_log xlhello)"
check "and in p-dom0d's log, under the guest's name" \
	grep -q "\[xlhello/${xid:-?}\] stdout: Hello, world!" /tmp/p-dom0d.log
