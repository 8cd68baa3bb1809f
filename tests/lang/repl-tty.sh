#!/bin/sh
# repl-tty.sh - the REPL on a terminal, driven through tmux's
# pseudo-terminals: the line editor's history (Up) and in-line edits
# (Left, Backspace), the continuation prompt, Tab completion, Ctrl-C
# interrupting a loop, ,time, Ctrl-D leaving with the terminal put back,
# plain lines without a known TERM, and p-repl attaching to a detached
# REPL, where Ctrl-D and ,quit detach.  Prints TAP; skips without tmux.
p=${top_builddir:-.}/p
r=${top_builddir:-.}/p-repl
if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi
if [ ! -x "$p" ] || [ ! -x "$r" ]; then
	echo "Bail out! no p or p-repl binary under ${top_builddir:-.}"
	exit 1
fi
p=$(cd "$(dirname "$p")" && pwd)/p
r=$(cd "$(dirname "$r")" && pwd)/p-repl
dir=$(mktemp -d "${TMPDIR:-/tmp}/p-tty.XXXXXX") || exit 1
bg=
# tmux on a private socket: nothing of the user's (or another test's) is touched
tm() { tmux -S "$dir/tmux.sock" "$@"; }
cleanup() {
	tm kill-server 2>/dev/null
	[ -n "$bg" ] && kill "$bg" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); echo "not ok $n - $1"
	tm capture-pane -p -t t 2>/dev/null | sed 's/^/#   /'
}
# start COMMAND: a fresh 100x30 terminal running COMMAND under sh, then
# printing its status and the terminal's modes.
start() {
	tm kill-session -t t 2>/dev/null
	# a tmux server now and then fails to come up: try again
	for try in 1 2 3; do
		tm new-session -d -s t -x 100 -y 30 \
			"cd '$dir' && $1; echo EXIT=\$?; echo TTY=\$(stty -a | tr ' ' '\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ,); sleep 600" \
			2>/dev/null && tm has-session -t t 2>/dev/null && return
		sleep 1
	done
	echo "Bail out! tmux cannot start a session"
	exit 1
}
# screen_has TEXT [SECONDS]: until the terminal shows TEXT.
screen_has() {
	i=0
	while [ $i -lt $((${2:-20} * 10)) ]; do
		tm capture-pane -p -t t | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
check() { if screen_has "$2" "$3"; then ok "$1"; else not_ok "$1"; fi; }
# check_twice DESC TEXT: until TEXT is on two lines of the screen
check_twice() {
	i=0
	while [ $i -lt 100 ] && [ "$(count "$2")" -lt 2 ]; do sleep 0.1; i=$((i + 1)); done
	if [ "$(count "$2")" -ge 2 ]; then ok "$1"; else not_ok "$1"; fi
}
# keys KEY...: typed after a moment, as a person would.
keys() { sleep 0.3; tm send-keys -t t "$@"; }
# ekeys KEY...: typed once the line editor has the terminal (raw mode):
# keys typed before that meet the terminal's cooked mode instead.
ekeys() {
	sleep 0.2
	tty=$(tm display -p -t t '#{pane_tty}')
	i=0
	while [ $i -lt 200 ] && ! stty -F "$tty" -a 2>/dev/null | grep -q -- '-icanon'; do
		sleep 0.1
		i=$((i + 1))
	done
	tm send-keys -t t "$@"
}
# cursor: the column the terminal's cursor is in
cursor() { tm display -p -t t '#{cursor_x}'; }
# count TEXT: lines of the screen holding TEXT
count() { tm capture-pane -p -t t | grep -cF -- "$1"; }

run_p="env HOME='$dir' TERM=xterm P_GC_STRESS=0 ASAN_OPTIONS=detect_leaks=0 '$p'"
start "$run_p"
check "a terminal gets the banner pointing to ,help" ",help lists the REPL's commands"
screen_has "> "
ekeys '(+ 40 2)' Enter
check "an expression is evaluated" 42
ekeys '(define (sq x)' Enter
check "an unfinished form gets the continuation prompt" "..."
ekeys '(* x x))' Enter
ekeys '(sq 12)' Enter
check "the form spanning two lines is defined and called" 144
ekeys Up
check_twice "Up recalls the last line" "> (sq 12)"
ekeys Left BSpace 3 Enter
check "Left and Backspace edit the recalled line" 169
ekeys '(string-upc' Tab
check "Tab completes a bound name" "(string-upcase"
ekeys ' "ab")' Enter
check "the completed call runs" '"AB"'
ekeys '(let loop () (loop))' Enter
sleep 1
keys C-c
check "Ctrl-C interrupts a loop" "interrupted"
ekeys '(* 1111 3)' Enter
check "the REPL goes on after Ctrl-C" 3333
ekeys ',time (length (make-list 100 0))' Enter
check ",time shows the time and allocation" "s elapsed"
ekeys '(+ 1 (* 2 3'
sleep 0.3
tm send-keys -t t ')'
i=0
while [ $i -lt 30 ]; do
	col=$(cursor)
	[ "$col" = 7 ] && break
	sleep 0.01
	i=$((i + 1))
done
if [ "$col" = 7 ]; then ok "a typed ) shows the ( it closes"
else not_ok "a typed ) shows the ( it closes (cursor at column $col, not 7)"; fi
ekeys ')' Enter
check "the form with flashed brackets runs" 7
ekeys C-d
check "Ctrl-D at an empty prompt says it leaves" "leaving the REPL"
check "leaving ends p with status 0" "EXIT=0"
check "the terminal is cooked again afterwards" "TTY=icanon,echo,"
if grep -q "(sq.*12)" "$dir/.p_history" 2>/dev/null; then ok "the history is kept in ~/.p_history"
else not_ok "the history is kept in ~/.p_history"; fi

start "env -u TERM HOME='$dir' P_GC_STRESS=0 ASAN_OPTIONS=detect_leaks=0 '$p'"
keys '(+ 2' Enter '3)' Enter
check "without TERM, plain lines still make forms" "5"
keys C-d
check "without TERM, Ctrl-D leaves" "EXIT=0"
start "env TERM=no-such-terminal HOME='$dir' P_GC_STRESS=0 ASAN_OPTIONS=detect_leaks=0 '$p'"
keys '(* 2 3)' Enter
check "an unknown TERM reads plain lines" 6
if [ "$(count termcap)" = 0 ]; then ok "an unknown TERM brings no termcap complaint"
else not_ok "an unknown TERM brings no termcap complaint"; fi
keys C-d

ASAN_OPTIONS=detect_leaks=0 P_GC_STRESS=0 timeout 300 "$p" --repl-socket "$dir/r.sock" >"$dir/p.out" 2>&1 &
bg=$!
i=0
while [ $i -lt 100 ] && ! "$r" --socket "$dir/r.sock" </dev/null >/dev/null 2>&1; do sleep 0.1; i=$((i + 1)); done
start "env HOME='$dir' TERM=xterm ASAN_OPTIONS=detect_leaks=0 '$r' --socket '$dir/r.sock'"
check "p-repl says how to detach" "Ctrl-D detaches"
ekeys '(define z 5)' Enter
ekeys '(* z 7)' Enter
check "an attached REPL evaluates" 35
ekeys '(let loop () (loop))' Enter
sleep 1
keys C-c
check "Ctrl-C interrupts the attached REPL's loop" "interrupted"
ekeys C-d
check "Ctrl-D detaches, saying so" "detached; the REPL keeps running"
check "p-repl ends with status 0" "EXIT=0"
if kill -0 "$bg" 2>/dev/null; then ok "the detached REPL keeps running"
else not_ok "the detached REPL keeps running"; fi
start "env HOME='$dir' TERM=xterm ASAN_OPTIONS=detect_leaks=0 '$r' --socket '$dir/r.sock'"
ekeys '(* z 11)' Enter
check "attaching again finds the state" 55
ekeys ',quit' Enter
check ",quit detaches too" "detached; the REPL keeps running"
if kill -0 "$bg" 2>/dev/null; then ok "the REPL still runs after ,quit from a client"
else not_ok "the REPL still runs after ,quit from a client"; fi
echo "1..$n"
