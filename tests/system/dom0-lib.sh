# dom0-lib.sh - helpers for scripts that run inside the test dom0.
# A check prints "PXEN-CHECK: ok - what" or "PXEN-CHECK: not ok - what" on
# the serial console; the host turns those lines into TAP.

up() { cut -d' ' -f1 /proc/uptime; }

pass() { echo "PXEN-CHECK: ok - $*"; }
fail() { echo "PXEN-CHECK: not ok - $*"; }
# check DESC CMD...: runs CMD, reports its success as a check.
check() {
	local desc=$1
	shift
	if "$@"; then pass "$desc"; else fail "$desc"; fi
}

guest_log() { echo "/var/log/xen/console/guest-$1.log"; }

# wait_log NAME PATTERN SECONDS: until the guest's console log matches.
wait_log() {
	local log end
	log=$(guest_log "$1")
	end=$(($(date +%s) + $3))
	while [ "$(date +%s)" -le "$end" ]; do
		grep -q "$2" "$log" 2>/dev/null && return 0
		sleep 0.5
	done
	return 1
}

# wait_gone DOMID SECONDS: until the domain has left xenstore.  (Polling
# xenstore rather than `xl list`: xl is heavy enough under TCG to starve
# the guest on the single CPU.)
wait_gone() {
	local end
	end=$(($(date +%s) + $2))
	while [ "$(date +%s)" -le "$end" ]; do
		xenstore-exists "/local/domain/$1" 2>/dev/null || return 0
		sleep 0.5
	done
	return 1
}

# show_log NAME: the guest's console, for the record.
show_log() {
	echo "---- console of $1 ----"
	tr -d '\r' <"$(guest_log "$1")" 2>/dev/null
	echo "---- end of console of $1 ----"
}

# mkcfg NAME KERNEL CMDLINE [MEMORY_MB]: an xl config for a PVH guest.
mkcfg() {
	cat >"/tmp/$1.cfg" <<CFG
name = "$1"
type = "pvh"
kernel = "$2"
cmdline = "$3"
memory = ${4:-32}
vcpus = 1
tsc_mode = "native"
on_poweroff = "destroy"
on_reboot = "destroy"
on_crash = "destroy"
CFG
	echo "/tmp/$1.cfg"
}

# start_guest NAME KERNEL CMDLINE [MEMORY_MB]: creates the guest paused,
# prints its domid, then lets it run (so that a guest that dies at once
# still has a known domid).
start_guest() {
	start_guest_cfg "$1" "$(mkcfg "$@")"
}

# start_guest_cfg NAME CONFIG: start_guest with a config of one's own.
start_guest_cfg() {
	local cfg=$2 id
	xl create -p "$cfg" >"/tmp/$1.xl" 2>&1 || { cat "/tmp/$1.xl" >&2; return 1; }
	id=$(xl domid "$1") || return 1
	xl unpause "$1" || return 1
	echo "$id"
}
