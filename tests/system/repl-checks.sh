# repl-checks.sh - a REPL session in a detached guest, driven through
# `p-launch attach` from a pipe, then `p-launch --repl` and `p-launch
# attach` on a terminal (tmux) with the line editor; sourced by
# program-checks.sh.
echo "== REPL through p-launch attach"
timeout 60 p-launch --name repl1 --repl --detach >/tmp/repl1.out 2>&1
echo "---- p-launch --repl --detach: status $?"; cat /tmp/repl1.out
rm -f /tmp/r.in
mkfifo /tmp/r.in
p-launch attach repl1 </tmp/r.in >/tmp/r.out 2>&1 &
apid=$!
exec 3>/tmp/r.in
# wait_out TEXT SECONDS: until the REPL's output contains TEXT.
wait_out() {
	local i=0
	while ! grep -q "$1" /tmp/r.out && [ $i -lt $(($2 * 2)) ]; do sleep 0.5; i=$((i + 1)); done
	grep -q "$1" /tmp/r.out
}
echo '(define (sq x) (* x x))' >&3
echo '(sq 12)' >&3
check "REPL: define and call" wait_out 144 60
echo '(car (quote ()))' >&3
echo '(+ (sq 5) 1000)' >&3
check "REPL: an error is reported and the REPL recovers" wait_out 1025 60
echo '(let loop ((i 0)) (loop (+ i 1)))' >&3
sleep 3
kill -INT $apid
echo '(+ (sq 3) 7000)' >&3
check "REPL: an endless loop is interrupted and the REPL goes on" wait_out 7009 60
exec 3>&-
wait $apid
check "REPL: detaching leaves the guest running" xl domid repl1
rid=$(xl domid repl1 2>/dev/null || echo 0)
p-launch stop repl1
check "p-launch stop destroys the REPL guest" wait_gone "$rid" 30
echo "---- REPL transcript"; cat /tmp/r.out

if command -v tmux >/dev/null 2>&1; then
	echo "== REPL on a terminal (tmux)"
	tm() { TERM=xterm tmux -S /tmp/tmux.sock "$@"; }
	# screen_has TEXT SECONDS: until the terminal shows TEXT
	screen_has() {
		local end=$(($(date +%s) + $2))
		while [ "$(date +%s)" -le "$end" ]; do
			tm capture-pane -p -t t | grep -qF -- "$1" && return 0
			sleep 0.5
		done
		return 1
	}
	# ekeys KEY...: typed once the line editor holds the terminal (raw)
	ekeys() {
		local tty i=0
		sleep 0.5
		tty=$(tm display -p -t t '#{pane_tty}')
		while [ $i -lt 120 ] && ! stty -F "$tty" -a 2>/dev/null | grep -q -- '-icanon'; do
			sleep 0.5
			i=$((i + 1))
		done
		tm send-keys -t t "$@"
	}
	tm new-session -d -s t -x 100 -y 30 \
		"TERM=xterm HOME=/root p-launch --name repl2 --repl; echo EXIT=\$?; sleep 3600"
	check "REPL tty: p-launch --repl shows the banner" screen_has "Ctrl-D leaves" 120
	ekeys '(define (cube x)' Enter
	check "REPL tty: an unfinished form gets the continuation prompt" screen_has "..." 60
	ekeys '(* x x x))' Enter
	ekeys '(cube 7)' Enter
	check "REPL tty: a form over two lines is defined and called" screen_has 343 60
	ekeys Up Left BSpace 9 Enter
	check "REPL tty: Up, Left and Backspace edit the last line" screen_has 729 60
	ekeys C-d
	check "REPL tty: Ctrl-D leaves, saying the guest ends" screen_has "guest repl2 ends" 60
	check "REPL tty: p-launch ends with status 0" screen_has "EXIT=0" 120
	tm capture-pane -p -t t | sed 's/^/  | /'
	tm kill-session -t t
	timeout 60 p-launch --name repl3 --repl --detach >/tmp/repl3.out 2>&1
	tm new-session -d -s t -x 100 -y 30 \
		"TERM=xterm HOME=/root p-launch attach repl3; echo EXIT=\$?; sleep 3600"
	check "REPL tty: attach says how to detach" screen_has "Ctrl-D detaches" 120
	ekeys '(+ 20 22)' Enter
	check "REPL tty: the attached guest evaluates" screen_has 42 60
	ekeys C-d
	check "REPL tty: Ctrl-D detaches, saying the guest keeps running" \
		screen_has "guest repl3 keeps running" 60
	check "REPL tty: the guest still runs after the detach" xl domid repl3
	tm capture-pane -p -t t | sed 's/^/  | /'
	tm kill-server
	p-launch stop repl3
else
	echo "== no tmux in this dom0: the terminal REPL checks are skipped"
fi
