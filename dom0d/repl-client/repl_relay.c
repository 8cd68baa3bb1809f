/*
 * repl_relay.c - a terminal in front of a REPL stream (see repl_relay.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "form_scan.h"
#include "repl_relay.h"
#include "term_edit.h"

#define PROMPT "> "
#define CONTINUATION "... "
/* How long the output must pause after "> " before it counts as the
 * prompt: the REPL prints it when it waits, and nothing after.  No more
 * than what is already there: keys typed while the terminal is cooked are
 * edited by its line discipline, not by us. */
#define QUIET_MS 0
/* An attached REPL may first send what waited for a client. */
#define ATTACH_QUIET_MS 200
/* How long Tab waits for the REPL's list of names. */
#define COMPLETE_MS 3000

struct relay {
	int fd;
	const struct repl_relay_opts *o;
	struct term_edit *te;
	char tail[8];		/* the REPL's output since its last newline */
	size_t ntail;		/* sizeof tail + 1: longer than that */
	int editing;		/* inside term_edit_line */
	int broke_line;		/* output during this edit began on a new line */
	int prompt_shown;	/* the REPL's last output was its prompt */
};

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = fd == 1 ? write(fd, p, n) : send(fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void say(const char *s)
{
	if (write_all(1, s, strlen(s)) < 0)
		return;
}

static void note_output(struct relay *r, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n')
			r->ntail = 0;
		else if (r->ntail < sizeof r->tail)
			r->tail[r->ntail++] = p[i];
		else
			r->ntail = sizeof r->tail + 1;
	}
}

static int shows_prompt(const struct relay *r)
{
	return r->ntail == 2 && !memcmp(r->tail, PROMPT, 2);
}

/* Copies what the REPL sent to the terminal: 1, or 0 when it closed. */
static int pump(struct relay *r)
{
	char buf[4096];
	ssize_t n;

	do
		n = read(r->fd, buf, sizeof buf);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return 0;
	if (r->editing && !r->broke_line) {
		say("\n");
		r->broke_line = 1;
	}
	if (write_all(1, buf, (size_t)n) < 0)
		return 0;
	note_output(r, buf, (size_t)n);
	r->prompt_shown = shows_prompt(r);
	return 1;
}

static int on_watch(void *ctx)
{
	return pump(ctx) ? 0 : -1;
}

/* Reads the REPL's answer to ,complete: one line into line (cut at cap
 * bytes: 0 is returned then), and the prompt after it, which is dropped;
 * -1 when it does not come. */
static int read_answer(int fd, char *line, size_t cap)
{
	size_t got = 0, after = 0;
	int have_line = 0, whole = 1;
	char chunk[4096];

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, COMPLETE_MS) <= 0)
			return -1;
		ssize_t m = read(fd, chunk, sizeof chunk);
		if (m <= 0)
			return -1;
		for (ssize_t i = 0; i < m; i++) {
			if (have_line) {
				if (after >= 2 || chunk[i] != PROMPT[after])
					return -1;
				after++;
			} else if (chunk[i] == '\n') {
				have_line = 1;
			} else if (got + 1 < cap) {
				line[got++] = chunk[i];
			} else {
				whole = 0;
			}
		}
		line[got] = 0;
		if (have_line && after == 2)
			return whole;
	}
}

/* Tab: ",complete \"WORD\"" to the REPL, which answers with one line of
 * names and its prompt again. */
static int complete(void *ctx, const char *word, size_t n, char ***out)
{
	struct relay *r = ctx;
	char cmd[600], reply[16384];
	size_t k;
	int count = 0;

	if (n == 0)
		return 0;	/* every name: too many to be of use */
	k = (size_t)snprintf(cmd, sizeof cmd, ",complete \"");
	for (size_t i = 0; i < n && k + 4 < sizeof cmd; i++) {
		if (word[i] == '"' || word[i] == '\\')
			cmd[k++] = '\\';
		cmd[k++] = word[i];
	}
	k += (size_t)snprintf(cmd + k, sizeof cmd - k, "\"\n");
	if (k >= sizeof cmd || write_all(r->fd, cmd, k) < 0)
		return -1;
	if (read_answer(r->fd, reply, sizeof reply) <= 0 || !strncmp(reply, "error", 5))
		return -1;
	for (char *s = reply; *s; s++)
		count += *s != ' ' && (s == reply || s[-1] == ' ');
	*out = calloc((size_t)count + 1, sizeof **out);
	if (!*out)
		return -1;
	count = 0;
	for (char *s = strtok(reply, " "); s; s = strtok(NULL, " ")) {
		if (!((*out)[count] = strdup(s)))
			break;
		count++;
	}
	return count;
}

/* A form being typed: its text for the REPL, and its history entry. */
struct form {
	char *text, *entry;
	size_t ntext, nentry;
};

static void form_clear(struct form *f)
{
	free(f->text);
	free(f->entry);
	memset(f, 0, sizeof *f);
}

static int append(char **buf, size_t *n, const char *s, size_t k)
{
	char *b = realloc(*buf, *n + k + 1);

	if (!b)
		return -1;
	memcpy(b + *n, s, k);
	*n += k;
	b[*n] = 0;
	*buf = b;
	return 0;
}

/* Adds a line; the history keeps the form on one line where it can. */
static int form_add(struct form *f, const char *line)
{
	struct form_info fi;

	form_scan(f->text ? f->text : "", f->ntext, &fi);
	int joined = !fi.ends_in_comment && !fi.ends_in_text;
	if (f->nentry && append(&f->entry, &f->nentry, joined ? " " : "\n", 1) < 0)
		return -1;
	if (append(&f->entry, &f->nentry, line, strlen(line)) < 0 ||
	    append(&f->text, &f->ntext, line, strlen(line)) < 0)
		return -1;
	return append(&f->text, &f->ntext, "\n", 1);
}

/* Reads lines until they make complete data; *text is malloc'd and ends
 * with a newline. */
static enum te_status read_form(struct relay *r, int prompt_shown, char **text)
{
	struct form f = { 0 };
	const char *prompt = PROMPT;
	struct form_info fi;

	*text = NULL;
	for (;;) {
		char *line;
		r->editing = 1;
		r->broke_line = 0;
		enum te_status st = term_edit_line(r->te, prompt, prompt_shown, &line);
		r->editing = 0;
		prompt_shown = 0;
		if (st == TE_CANCEL) {
			form_clear(&f);
			prompt = PROMPT;
			continue;
		}
		if (st != TE_LINE) {
			form_clear(&f);
			return st;
		}
		int err = form_add(&f, line);
		free(line);
		if (err < 0) {
			form_clear(&f);
			return TE_ERROR;
		}
		form_scan(f.text, f.ntext, &fi);
		if (fi.state == FORM_OPEN) {
			prompt = CONTINUATION;
		} else if (fi.state == FORM_BLANK) {
			form_clear(&f);
			prompt = PROMPT;
		} else {
			term_edit_remember(r->te, f.entry);
			*text = f.text;
			f.text = NULL;
			form_clear(&f);
			return TE_LINE;
		}
	}
}

static int is_quit(const char *form)
{
	while (*form == ' ' || *form == '\t')
		form++;
	return !strncmp(form, ",quit", 5) && strspn(form + 5, " \t\n") == strlen(form + 5);
}

/* The user leaves: say what that does; without detaching, the REPL sees
 * the end of its input and its last words are shown. */
static int leave(struct relay *r)
{
	say("\n");
	say(r->o->leave);
	say("\n");
	if (r->o->detach)
		return RELAY_LEFT;
	shutdown(r->fd, SHUT_WR);
	while (pump(r))
		;
	return RELAY_LEFT;
}

/* Without a terminal: bytes both ways, as a pipe would carry them. */
static int copy_plain(int fd, const struct repl_relay_opts *o)
{
	int stdin_open = 1;

	for (;;) {
		struct pollfd p[2] = { { .fd = fd, .events = POLLIN },
				       { .fd = stdin_open ? 0 : -1, .events = POLLIN } };
		char buf[4096];
		ssize_t n;
		if (term_edit_take_interrupt() && o->interrupt)
			o->interrupt(fd);
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (p[0].revents) {
			n = read(fd, buf, sizeof buf);
			if (n <= 0)
				return RELAY_CLOSED;
			if (write_all(1, buf, (size_t)n) < 0)
				return -EIO;
		}
		if (!p[1].revents)
			continue;
		n = read(0, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n > 0 && write_all(fd, buf, (size_t)n) == 0)
			continue;
		if (o->detach)
			return RELAY_LEFT;
		shutdown(fd, SHUT_WR);
		stdin_open = 0;
	}
}

static int run_terminal(struct relay *r)
{
	int quiet = 0, wait_ms = QUIET_MS;

	if (r->o->at_prompt) {
		/* its prompt went to an earlier client: we draw it */
		memcpy(r->tail, PROMPT, 2);
		r->ntail = 2;
		wait_ms = ATTACH_QUIET_MS;
	}
	for (;;) {
		if (shows_prompt(r) && quiet) {
			char *form;
			enum te_status st = read_form(r, r->prompt_shown, &form);
			r->prompt_shown = 0;
			wait_ms = QUIET_MS;
			if (st == TE_EOF || (st == TE_LINE && r->o->detach && is_quit(form))) {
				free(form);
				return leave(r);
			}
			if (st == TE_GONE)
				return RELAY_CLOSED;
			if (st != TE_LINE)
				return -EIO;
			r->ntail = 0;
			quiet = 0;
			int err = write_all(r->fd, form, strlen(form));
			free(form);
			if (err < 0)
				return RELAY_CLOSED;
			continue;
		}
		struct pollfd p[2] = { { .fd = r->fd, .events = POLLIN }, { .fd = 0, .events = POLLIN } };
		int n = poll(p, 2, shows_prompt(r) ? wait_ms : -1);
		if (n < 0 && errno == EINTR) {
			if (term_edit_take_interrupt() && r->o->interrupt)
				r->o->interrupt(r->fd);
			continue;
		}
		if (n < 0)
			return -errno;
		if (n == 0) {
			quiet = 1;
			continue;
		}
		if (p[0].revents) {
			if (!pump(r))
				return RELAY_CLOSED;
			quiet = 0;
		}
		if (p[1].revents && shows_prompt(r)) {
			/* typed ahead as the prompt came: the editor takes it */
			quiet = 1;
			continue;
		}
		if (p[1].revents) {
			/* a line typed while the REPL is busy, or for the program */
			char buf[4096];
			ssize_t k = read(0, buf, sizeof buf);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				return leave(r);
			if (write_all(r->fd, buf, (size_t)k) < 0)
				return RELAY_CLOSED;
		}
	}
}

int repl_relay_run(int fd, const struct repl_relay_opts *o)
{
	struct relay r = { .fd = fd, .o = o };
	struct term_edit_hooks h = { .ctx = &r, .watch_fd = fd, .on_watch = on_watch,
				     .complete = complete };
	int status;

	if (!isatty(0) || !isatty(1)) {
		term_edit_catch_interrupt();
		return copy_plain(fd, o);
	}
	r.te = term_edit_open(o->history, &h);
	if (!r.te)
		return -ENOMEM;
	if (o->banner)
		say(o->banner);
	status = run_terminal(&r);
	term_edit_close(r.te);
	return status;
}

int repl_history_path(char *buf, unsigned long cap, const char *name)
{
	const char *home = getenv("HOME");
	int n;

	if (!home || !*home || (name && strchr(name, '/')))
		return -1;
	n = name ? snprintf(buf, cap, "%s/.p_history-%s", home, name)
		 : snprintf(buf, cap, "%s/.p_history", home);
	return n < 0 || (unsigned long)n >= cap ? -1 : 0;
}
