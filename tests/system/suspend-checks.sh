# suspend-checks.sh - xl save, xl restore and xl migrate (to this host) of
# a guest that counts; its console shows whether it carried on where it
# was.  Sourced by lifecycle-checks.sh while p-dom0d runs.
echo "== xl save, xl restore and xl migrate"
cat >/tmp/tick.cfg <<CFG
name = "tick"
type = "pvh"
kernel = "/pxen/p-guest"
ramdisk = "/pxen/progs/ticker.scm"
cmdline = "-- ticker.scm"
memory = 32
tsc_mode = "native"
# live migration tracks dirty pages in the domain's paging pool: the
# default for 32 MiB is too small ("failed page allocs while logging")
shadow_memory = 8
on_poweroff = "destroy"
on_reboot = "destroy"
on_crash = "destroy"
CFG
# ticks: the tick numbers on the guest's console, in order (a migrated
# domain starts as tick--incoming, and xenconsoled logs it under that name)
ticks() {
	cat "$(guest_log tick)" "$(guest_log tick--incoming)" 2>/dev/null | tr -d '\r' |
		sed -n 's/^tick \([0-9]*\)$/\1/p'
}
# counted_on N: the console counts 1, 2, ... without a gap or a restart,
# past N
counted_on() {
	ticks | awk -v past="$1" 'BEGIN { n = 0 } $1 != n + 1 { exit 1 } { n = $1 } END { exit !(n > past) }'
}
last_tick() { ticks | tail -1; }
tid=$(start_guest_cfg tick /tmp/tick.cfg)
wait_log tick "^tick 3" 120
timeout 180 xl save tick /tmp/tick.save >/tmp/xlsave.out 2>&1
r=$?
cat /tmp/xlsave.out
before=$(last_tick)
check "xl save: the guest acknowledges, suspends and is saved" eval \
	'[ $r = 0 ] && ! xl domid tick >/dev/null 2>&1 && grep -q "p-guest: suspending" "$(guest_log tick)"'
timeout 180 xl restore /tmp/tick.save >/tmp/xlrestore.out 2>&1
r=$?
cat /tmp/xlrestore.out
rid=$(xl domid tick 2>/dev/null || echo 0)
i=0
while ! counted_on $((before + 3)) && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
check "xl restore: the program carries on counting where it was (tick $before, then on)" eval \
	'[ $r = 0 ] && [ -n "$before" ] && counted_on $((before + 3)) && grep -q "p-guest: resumed in domain $rid" "$(guest_log tick)"'
check "the restored guest connects to p-dom0d again" \
	grep -q "\[tick/$rid\] connected" /tmp/p-dom0d.log
before=$(last_tick)
timeout 240 xl migrate -s "" tick "xl migrate-receive" >/tmp/xlmigrate.out 2>&1
r=$?
cat /tmp/xlmigrate.out
mid=$(xl domid tick 2>/dev/null || echo 0)
i=0
while ! counted_on $((before + 3)) && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
check "xl migrate to this host: a new domain carries on counting (tick $before, then on)" eval \
	'[ $r = 0 ] && [ "$mid" != "$rid" ] && [ "$mid" != 0 ] && counted_on $((before + 3))'
show_log tick
xl destroy tick 2>/dev/null
rm -f /tmp/tick.save
