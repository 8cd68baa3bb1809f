/*
 * term_edit.h - reading lines at a terminal for the REPL clients: with
 * libedit (Emacs keys, a history kept in a file, Tab completion through a
 * hook, ")" flashing its match) when the terminal is known, else plain
 * lines in the terminal's own cooked mode.  The terminal is raw only while
 * a line is read; it is put back on return, on Ctrl-Z, on a fatal signal
 * and on SIGTERM/SIGHUP, and made raw again on SIGCONT.  No termcap
 * complaint ever reaches the user: an unknown TERM means plain lines.
 * While it waits for a key it also watches another descriptor (the REPL's
 * output) through a hook.  One editor per process: signal handlers have
 * only globals to restore the terminal from.
 */
#ifndef PXEN_TERM_EDIT_H
#define PXEN_TERM_EDIT_H

#include <stddef.h>

struct term_edit;

struct term_edit_hooks {
	void *ctx;
	/* Watched while waiting for a key (-1: none).  on_watch runs when it
	 * is readable; it returns 0 after printing what it read (the line is
	 * then drawn again below) or -1 to give up the line (TE_GONE). */
	int watch_fd;
	int (*on_watch)(void *ctx);
	/* Tab: the completions of word (n bytes) as a malloc'd array of n
	 * malloc'd strings; returns n, 0 for none, -1 when unknown. */
	int (*complete)(void *ctx, const char *word, size_t n, char ***out);
};

enum te_status { TE_LINE, TE_EOF, TE_CANCEL, TE_GONE, TE_ERROR };

/* Sets up the editor on stdin/stdout (both must be terminals);
 * history_path may be NULL.  Never fails: without libedit or a known
 * terminal it reads plain lines. */
struct term_edit *term_edit_open(const char *history_path, const struct term_edit_hooks *h);
/* 1 when lines are edited, 0 for plain lines. */
int term_edit_fancy(const struct term_edit *te);
/* Reads a line after prompt (which plain mode leaves to the caller when
 * prompt_shown).  *line is malloc'd without its newline when TE_LINE;
 * TE_EOF: Ctrl-D on an empty line or end of input; TE_CANCEL: Ctrl-C. */
enum te_status term_edit_line(struct term_edit *te, const char *prompt, int prompt_shown,
			      char **line);
void term_edit_remember(struct term_edit *te, const char *entry);
/* Saves the history and frees te. */
void term_edit_close(struct term_edit *te);
/* 1 once after SIGINT arrived outside term_edit_line (the terminal is
 * cooked then: Ctrl-C during an evaluation). */
int term_edit_take_interrupt(void);
/* Catches SIGINT for term_edit_take_interrupt without opening an editor
 * (no terminal: input from a pipe). */
void term_edit_catch_interrupt(void);

#endif
