/*
 * term_edit.c - terminal lines for the REPL clients (see term_edit.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "config.h"
#include "form_scan.h"
#include "term_edit.h"
#ifdef PXEN_LIBEDIT
#include <histedit.h>
#endif

/* What the signal handlers need to put the terminal back: the process has
 * one terminal, so these are the process's. */
static struct termios saved_cooked, saved_raw;
static volatile sig_atomic_t raw_now, sigint_seen;

struct term_edit {
	struct term_edit_hooks hooks;
	const char *prompt;
	char pending[4096];	/* plain mode: read past the end of a line */
	size_t npending;
	int cancelled, gone;
#ifdef PXEN_LIBEDIT
	EditLine *el;
	History *hist;
	char *hist_path;
	wchar_t inject;		/* a key to hand libedit next (redraw) */
#endif
};

/* The key the editor hands itself to redraw the line after output. */
#define KEY_REDRAW 0x1d

static void on_sigint(int sig)
{
	(void)sig;
	sigint_seen = 1;
}

static void on_sigcont(int sig)
{
	(void)sig;
	if (raw_now)
		tcsetattr(0, TCSADRAIN, &saved_raw);
}

/* A signal that ends the process: cooked terminal first. */
static void on_fatal(int sig)
{
	if (raw_now)
		tcsetattr(0, TCSADRAIN, &saved_cooked);
	signal(sig, SIG_DFL);
	raise(sig);
}

void term_edit_catch_interrupt(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_sigint;	/* no SA_RESTART: poll returns EINTR */
	sigaction(SIGINT, &sa, NULL);
}

static void install_handlers(void)
{
	static const int fatal[] = { SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGABRT,
				     SIGFPE, SIGILL };
	struct sigaction sa;

	term_edit_catch_interrupt();
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_sigcont;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGCONT, &sa, NULL);
	sa.sa_handler = on_fatal;
	for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++)
		sigaction(fatal[i], &sa, NULL);
}

int term_edit_take_interrupt(void)
{
	int seen = sigint_seen;

	sigint_seen = 0;
	return seen;
}

/* Waits for a key.  1: stdin is readable; 0: the watched descriptor was
 * handled; TE_GONE/TE_CANCEL/TE_ERROR as negative numbers. */
static int wait_key(struct term_edit *te)
{
	for (;;) {
		struct pollfd p[2] = { { .fd = 0, .events = POLLIN },
				       { .fd = te->hooks.watch_fd, .events = POLLIN } };
		int n = poll(p, te->hooks.watch_fd >= 0 ? 2 : 1, -1);
		if (n < 0 && errno == EINTR) {
			if (term_edit_take_interrupt())
				return -TE_CANCEL;
			continue;
		}
		if (n < 0)
			return -TE_ERROR;
		if (te->hooks.watch_fd >= 0 && (p[1].revents & (POLLIN | POLLHUP | POLLERR)))
			return te->hooks.on_watch(te->hooks.ctx) < 0 ? -TE_GONE : 0;
		if (p[0].revents)
			return 1;
	}
}

#ifdef PXEN_LIBEDIT
static struct term_edit *of(EditLine *el)
{
	void *te = NULL;

	el_get(el, EL_CLIENTDATA, &te);
	return te;
}

/* libedit's prompt callback returns char * but never writes through it. */
static char *prompt_fn(EditLine *el)
{
	return (char *)(uintptr_t)of(el)->prompt;
}

/* libedit's getc: keys from stdin, decoded from UTF-8, while the REPL's
 * output is watched. */
static int getc_fn(EditLine *el, wchar_t *wc)
{
	struct term_edit *te = of(el);
	unsigned char b[4];
	int len, r;

	if (!raw_now) {
		tcgetattr(0, &saved_raw);
		raw_now = 1;
	}
	if (te->inject) {
		*wc = te->inject;
		te->inject = 0;
		return 1;
	}
	for (;;) {
		r = wait_key(te);
		if (r == -TE_GONE) {
			te->gone = 1;
			return 0;
		}
		if (r == 0) {
			*wc = KEY_REDRAW;
			return 1;
		}
		if (r < 0 && r != -TE_CANCEL)
			return -1;
		if (r == 1)
			break;
	}
	do
		r = (int)read(0, b, 1);
	while (r < 0 && errno == EINTR);
	if (r <= 0)
		return r;
	len = b[0] < 0x80 ? 1 : (b[0] & 0xe0) == 0xc0 ? 2 : (b[0] & 0xf0) == 0xe0 ? 3 :
	      (b[0] & 0xf8) == 0xf0 ? 4 : 1;
	for (int i = 1; i < len; i++)
		if (read(0, b + i, 1) != 1 || (b[i] & 0xc0) != 0x80)
			return -1;
	switch (len) {
	case 1: *wc = b[0] < 0x80 ? b[0] : 0xfffd; break;
	case 2: *wc = ((b[0] & 0x1f) << 6) | (b[1] & 0x3f); break;
	case 3: *wc = ((b[0] & 0x0f) << 12) | ((b[1] & 0x3f) << 6) | (b[2] & 0x3f); break;
	default: *wc = ((b[0] & 0x07) << 18) | ((b[1] & 0x3f) << 12) | ((b[2] & 0x3f) << 6) |
		       (b[3] & 0x3f); break;
	}
	return 1;
}

static unsigned char redraw_fn(EditLine *el, int ch)
{
	(void)el;
	(void)ch;
	return CC_REDISPLAY;
}

/* Ctrl-C: the line ends as if Enter ended it (libedit moves below it),
 * and is dropped. */
static unsigned char cancel_fn(EditLine *el, int ch)
{
	(void)ch;
	of(el)->cancelled = 1;
	el_push(el, "\n");
	return CC_NORM;
}

/* Ctrl-Z: the job stops with the terminal cooked, and finds it raw again
 * when it goes on. */
static unsigned char suspend_fn(EditLine *el, int ch)
{
	(void)el;
	(void)ch;
	raw_now = 0;
	tcsetattr(0, TCSADRAIN, &saved_cooked);
	fputs("\n", stdout);
	fflush(stdout);
	kill(0, SIGTSTP);
	tcsetattr(0, TCSADRAIN, &saved_raw);
	raw_now = 1;
	return CC_REDISPLAY;
}

static int columns(void)
{
	struct winsize ws;

	return ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
}

static size_t width(const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)s[i] & 0xc0) != 0x80;
	return w;
}

/* ")" or "]" typed at the end of the line: show where its match is for a
 * moment (or until the next key), when both are on the screen's row. */
static unsigned char close_fn(EditLine *el, int ch)
{
	struct term_edit *te = of(el);
	const LineInfo *li = el_line(el);
	char s[2] = { (char)ch, 0 };
	struct form_info fi;
	size_t n = (size_t)(li->lastchar - li->buffer);

	if (li->cursor == li->lastchar) {
		form_scan(li->buffer, n, &fi);
		size_t back = fi.open_at >= 0 ? width(li->buffer + fi.open_at, n - (size_t)fi.open_at) : 0;
		if (fi.open_at >= 0 && width(te->prompt, strlen(te->prompt)) + width(li->buffer, n) + 1 <
		    (size_t)columns()) {
			struct pollfd p = { .fd = 0, .events = POLLIN };
			fprintf(stdout, "%c\033[%zuD", ch, back + 1);
			fflush(stdout);
			poll(&p, 1, 400);
			fprintf(stdout, "\033[%zuC", back);
			fflush(stdout);
		}
	}
	el_insertstr(el, s);
	return CC_REFRESH;
}

static int is_word_char(char c)
{
	return !(c == ' ' || c == '\t' || c == '(' || c == ')' || c == '[' || c == ']' ||
		 c == '\'' || c == '`' || c == ',' || c == '"' || c == ';' || c == '#' || c == '|');
}

static void list_names(char **names, int k)
{
	size_t w = 0;
	int cols, col = 0;

	for (int i = 0; i < k; i++)
		if (strlen(names[i]) > w)
			w = strlen(names[i]);
	cols = columns() / (int)(w + 2);
	if (cols < 1)
		cols = 1;
	fputs("\n", stdout);
	for (int i = 0; i < k; i++) {
		fprintf(stdout, "%-*s", (int)(w + 2), names[i]);
		if (++col == cols || i == k - 1) {
			fputs("\n", stdout);
			col = 0;
		}
	}
	fflush(stdout);
}

static unsigned char complete_fn(EditLine *el, int ch)
{
	struct term_edit *te = of(el);
	const LineInfo *li = el_line(el);
	const char *start = li->cursor;
	char **names = NULL;
	unsigned char rc = CC_REFRESH_BEEP;
	int k;

	(void)ch;
	if (!te->hooks.complete)
		return CC_ERROR;
	while (start > li->buffer && is_word_char(start[-1]))
		start--;
	size_t n = (size_t)(li->cursor - start);
	k = te->hooks.complete(te->hooks.ctx, start, n, &names);
	if (k > 0) {
		size_t common = strlen(names[0]);
		for (int i = 1; i < k; i++) {
			size_t j = 0;
			while (j < common && names[i][j] == names[0][j])
				j++;
			common = j;
		}
		if (common > n) {
			char *more = strndup(names[0] + n, common - n);
			if (more && el_insertstr(el, more) == 0)
				rc = CC_REFRESH;
			free(more);
		} else if (k > 1) {
			list_names(names, k);
			rc = CC_REDISPLAY;
		}
	}
	for (int i = 0; i < k; i++)
		free(names[i]);
	free(names);
	return rc;
}

static const struct {
	const char *key, *name, *help;
	unsigned char (*fn)(EditLine *, int);
} keys[] = {
	{ "^]", "p-redraw", "redraw the line", redraw_fn },	/* KEY_REDRAW */
	{ "^C", "p-cancel", "discard the input", cancel_fn },
	{ "^Z", "p-suspend", "stop the job", suspend_fn },
	{ ")", "p-close", "close a bracket, showing its match", close_fn },
	{ "^I", "p-complete", "complete a bound name", complete_fn },
};

/* libedit complains about an unknown terminal on its error stream: catch
 * that, and read plain lines instead of editing on a terminal it does
 * not know. */
static int open_editline(struct term_edit *te, const char *history_path)
{
	const char *term = getenv("TERM");
	char *errs = NULL;
	size_t nerrs = 0;
	FILE *ferr;
	HistEvent ev;

	if (!term || !*term || !strcmp(term, "dumb"))
		return -1;
	ferr = open_memstream(&errs, &nerrs);
	if (!ferr)
		return -1;
	te->el = el_init("p", stdin, stdout, ferr);
	fflush(ferr);
	if (te->el && nerrs) {
		el_end(te->el);
		te->el = NULL;
	}
	fclose(ferr);
	free(errs);
	if (!te->el)
		return -1;
	te->hist = history_init();
	if (te->hist) {
		history(te->hist, &ev, H_SETSIZE, 1000);
		history(te->hist, &ev, H_SETUNIQUE, 1);
		if (history_path) {
			te->hist_path = strdup(history_path);
			history(te->hist, &ev, H_LOAD, history_path);
		}
		el_set(te->el, EL_HIST, history, te->hist);
	}
	el_set(te->el, EL_CLIENTDATA, te);
	el_set(te->el, EL_EDITOR, "emacs");
	el_set(te->el, EL_SIGNAL, 0);
	el_set(te->el, EL_PROMPT, prompt_fn);
	el_set(te->el, EL_GETCFN, getc_fn);
	/* Ctrl-C and Ctrl-Z are keys while a line is edited, so that they act
	 * on the line alone and not on whatever else shares the terminal. */
	el_set(te->el, EL_SETTY, "-d", "-isig", NULL);
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		el_set(te->el, EL_ADDFN, keys[i].name, keys[i].help, keys[i].fn);
		el_set(te->el, EL_BIND, keys[i].key, keys[i].name, NULL);
	}
	el_set(te->el, EL_BIND, "]", "p-close", NULL);
	el_source(te->el, NULL);
	return 0;
}
#endif

struct term_edit *term_edit_open(const char *history_path, const struct term_edit_hooks *h)
{
	struct term_edit *te = calloc(1, sizeof *te);

	if (!te)
		return NULL;
	te->hooks = *h;
	tcgetattr(0, &saved_cooked);
	install_handlers();
#ifdef PXEN_LIBEDIT
	if (open_editline(te, history_path) < 0)
		te->el = NULL;
#else
	(void)history_path;
#endif
	return te;
}

int term_edit_fancy(const struct term_edit *te)
{
#ifdef PXEN_LIBEDIT
	return te->el != NULL;
#else
	(void)te;
	return 0;
#endif
}

/* Plain mode: the terminal's own line discipline edits, we collect. */
static enum te_status plain_line(struct term_edit *te, const char *prompt, int prompt_shown,
				 char **line)
{
	if (!prompt_shown && write(1, prompt, strlen(prompt)) < 0)
		return TE_ERROR;
	for (;;) {
		char *nl = memchr(te->pending, '\n', te->npending);
		if (nl || te->npending == sizeof te->pending) {
			size_t n = nl ? (size_t)(nl - te->pending) : te->npending;
			*line = strndup(te->pending, n);
			if (nl)
				n++;
			memmove(te->pending, te->pending + n, te->npending - n);
			te->npending -= n;
			return *line ? TE_LINE : TE_ERROR;
		}
		int r = wait_key(te);
		if (r == -TE_CANCEL) {
			te->npending = 0;
			if (write(1, "\n", 1) < 0)
				return TE_ERROR;
			return TE_CANCEL;
		}
		if (r < 0)
			return (enum te_status)-r;
		if (r == 0)
			continue;
		ssize_t k = read(0, te->pending + te->npending, sizeof te->pending - te->npending);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return TE_ERROR;
		if (k == 0) {
			if (!te->npending)
				return TE_EOF;
			/* Ctrl-D after some text ends the line there */
			te->pending[te->npending++] = '\n';
			continue;
		}
		te->npending += (size_t)k;
	}
}

enum te_status term_edit_line(struct term_edit *te, const char *prompt, int prompt_shown,
			      char **line)
{
	*line = NULL;
	te->prompt = prompt;
#ifdef PXEN_LIBEDIT
	if (te->el) {
		int count = 0;
		const char *s;

		te->cancelled = te->gone = 0;
		/* the prompt is drawn again from the first column */
		if (prompt_shown && write(1, "\r", 1) < 0)
			return TE_ERROR;
		el_resize(te->el);
		s = el_gets(te->el, &count);
		raw_now = 0;
		if (te->gone)
			return TE_GONE;
		if (te->cancelled)
			return TE_CANCEL;
		if (!s || count <= 0)
			return TE_EOF;
		while (count > 0 && (s[count - 1] == '\n' || s[count - 1] == '\r'))
			count--;
		*line = strndup(s, (size_t)count);
		return *line ? TE_LINE : TE_ERROR;
	}
#endif
	return plain_line(te, prompt, prompt_shown, line);
}

void term_edit_remember(struct term_edit *te, const char *entry)
{
#ifdef PXEN_LIBEDIT
	HistEvent ev;

	if (!te->hist)
		return;
	history(te->hist, &ev, H_ENTER, entry);
	/* saved at once: a history survives the REPL being killed */
	if (te->hist_path && history(te->hist, &ev, H_SAVE, te->hist_path) >= 0)
		chmod(te->hist_path, 0600);
#else
	(void)te;
	(void)entry;
#endif
}

void term_edit_close(struct term_edit *te)
{
	if (!te)
		return;
#ifdef PXEN_LIBEDIT
	if (te->el)
		el_end(te->el);
	if (te->hist)
		history_end(te->hist);
	free(te->hist_path);
#endif
	free(te);
}
