/*
 * repl_relay.h - the terminal in front of a P REPL's byte stream (a
 * guest's REPL socket, or the stdio of `p` or of `p-launch --repl`).
 *
 * With a terminal on stdin and stdout, whenever the REPL shows its prompt
 * "> " and waits, whole forms are read through term_edit: lines of an
 * unfinished form get the continuation prompt "... " and are sent
 * together (form_scan), each form goes into the history, Tab asks the
 * REPL for the names it binds (",complete PREFIX": one line of names
 * back, then the prompt).  Otherwise (an evaluation runs, or a program
 * reads its own input) the terminal stays cooked and lines pass as typed.
 * Ctrl-D at an empty prompt leaves, saying so.  Without a terminal the
 * bytes pass both ways unchanged.
 */
#ifndef PXEN_REPL_RELAY_H
#define PXEN_REPL_RELAY_H

struct repl_relay_opts {
	const char *history;	/* history file, or NULL */
	const char *banner;	/* said first on a terminal, or NULL */
	const char *leave;	/* said when the user leaves */
	/* Leaving detaches: the stream is left at once (attach, where ,quit
	 * detaches too).  Else its sending half is shut and the REPL's last
	 * output shown as it ends. */
	int detach;
	int at_prompt;		/* the REPL already waits for a form */
	/* Ctrl-C during an evaluation; NULL when the interpreter shares our
	 * terminal and gets the signal itself. */
	void (*interrupt)(int fd);
};

enum { RELAY_LEFT, RELAY_CLOSED };

/* Runs until the user leaves (RELAY_LEFT) or the REPL closes the stream
 * (RELAY_CLOSED); -errno on an error. */
int repl_relay_run(int fd, const struct repl_relay_opts *o);

/* $HOME/.p_history, or $HOME/.p_history-NAME for a named guest; 0, or -1
 * without HOME, with a / in name, or without room. */
int repl_history_path(char *buf, unsigned long cap, const char *name);

#endif
