/* file.c - files: the file ports and procedures of (scheme file), and the
 * directory operations of (pxen fs).  Paths are strings, resolved by the
 * platform beneath the program's export root; failures raise file errors
 * ("open-input-file: no such file: \"x.txt\""). */
#include <pfmt.h>

#include "platform.h"
#include "port.h"
#include "string_obj.h"
#include "args.h"

/* The path argument as UTF-8 without NUL characters (which the platform
 * would silently cut the path at). */
static const char *arg_path(P *p, const char *who, val *argv, int i)
{
	val s = p_arg_string(p, who, argv, i);
	size_t n = STR_LEN(s);

	for (size_t k = 0; k < n; k++) {
		if (p_string_ref(s, k) == 0) {
			char msg[120];
			pc_snprintf(msg, sizeof msg,
				    "%s: file name contains a NUL character", who);
			p_raise_error(p, PE_FILE, msg, 1, s);
		}
	}
	if (n == 0)
		p_file_error(p, who, -PLAT_ENOENT, s);
	return p_string_cstr(p, s);
}

static val open_file(P *p, const char *who, val *argv, int flags, unsigned kind)
{
	const char *path = arg_path(p, who, argv, 0);
	int h = plat_open(path, flags);

	if (h < 0)
		p_file_error(p, who, h, argv[0]);
	return port_from_handle(p, h, kind, argv[0]);
}

static val prim_open_input_file(P *p, int argc, val *argv)
{
	(void)argc;
	return open_file(p, "open-input-file", argv, PLAT_O_READ, PORT_IN | PORT_TEXT);
}

static val prim_open_binary_input_file(P *p, int argc, val *argv)
{
	(void)argc;
	return open_file(p, "open-binary-input-file", argv, PLAT_O_READ, PORT_IN);
}

static val prim_open_output_file(P *p, int argc, val *argv)
{
	(void)argc;
	return open_file(p, "open-output-file", argv,
			 PLAT_O_WRITE | PLAT_O_CREATE | PLAT_O_TRUNC,
			 PORT_OUT | PORT_TEXT);
}

static val prim_open_binary_output_file(P *p, int argc, val *argv)
{
	(void)argc;
	return open_file(p, "open-binary-output-file", argv,
			 PLAT_O_WRITE | PLAT_O_CREATE | PLAT_O_TRUNC, PORT_OUT);
}

static val prim_file_exists_p(P *p, int argc, val *argv)
{
	struct plat_stat st;

	(void)argc;
	return P_BOOL(plat_stat(arg_path(p, "file-exists?", argv, 0), &st) == 0);
}

static val prim_delete_file(P *p, int argc, val *argv)
{
	int r = plat_unlink(arg_path(p, "delete-file", argv, 0));

	(void)argc;
	if (r < 0)
		p_file_error(p, "delete-file", r, argv[0]);
	return P_VOID;
}

static val prim_rename_file(P *p, int argc, val *argv)
{
	const char *from = arg_path(p, "rename-file", argv, 0);
	const char *to = arg_path(p, "rename-file", argv, 1);
	int r = plat_rename(from, to);

	(void)argc;
	if (r < 0)
		p_file_error(p, "rename-file", r, argv[0]);
	return P_VOID;
}

static val prim_make_directory(P *p, int argc, val *argv)
{
	int r = plat_mkdir(arg_path(p, "make-directory", argv, 0));

	(void)argc;
	if (r < 0)
		p_file_error(p, "make-directory", r, argv[0]);
	return P_VOID;
}

static val prim_delete_directory(P *p, int argc, val *argv)
{
	int r = plat_rmdir(arg_path(p, "delete-directory", argv, 0));

	(void)argc;
	if (r < 0)
		p_file_error(p, "delete-directory", r, argv[0]);
	return P_VOID;
}

/* Keeps the listing sorted, so programs see the same order everywhere. */
static val insert_sorted(P *p, val s, val list)
{
	val prev = P_FALSE, l = list, cell;

	while (P_IS_PAIR(l) && string_compare(P_CAR(l), s, 0) < 0) {
		prev = l;
		l = P_CDR(l);
	}
	cell = p_cons(p, s, l);
	if (prev == P_FALSE)
		return cell;
	P_SET_CDR(prev, cell);
	return list;
}

static val prim_list_directory(P *p, int argc, val *argv)
{
	int h = plat_opendir(arg_path(p, "list-directory", argv, 0));
	val names = P_NIL;
	char name[1024];
	int n;

	(void)argc;
	if (h < 0)
		p_file_error(p, "list-directory", h, argv[0]);
	while ((n = plat_readdir(h, name, sizeof name)) > 0) {
		if ((n == 1 && name[0] == '.')
		    || (n == 2 && name[0] == '.' && name[1] == '.'))
			continue;
		names = insert_sorted(p, p_string_from_utf8(p, name, (size_t)n), names);
	}
	plat_close(h);
	if (n < 0)
		p_file_error(p, "list-directory", n, argv[0]);
	return names;
}

static void stat_path(P *p, const char *who, val *argv, struct plat_stat *st)
{
	int r = plat_stat(arg_path(p, who, argv, 0), st);

	if (r < 0)
		p_file_error(p, who, r, argv[0]);
}

static val prim_file_size(P *p, int argc, val *argv)
{
	struct plat_stat st;

	(void)argc;
	stat_path(p, "file-size", argv, &st);
	return p_from_int64(p, (int64_t)st.size);
}

/* file-directory? and file-regular?: data is the file type asked about. */
static val prim_file_type_p(P *p, int argc, val *argv)
{
	const struct p_prim *d = p_prim_desc(p);
	struct plat_stat st;

	(void)argc;
	if (plat_stat(arg_path(p, d->name, argv, 0), &st) < 0)
		return P_FALSE;
	return P_BOOL(st.type == d->data);
}

static val prim_file_modification_time(P *p, int argc, val *argv)
{
	struct plat_stat st;

	(void)argc;
	stat_path(p, "file-modification-time", argv, &st);
	return p_flonum(p, (double)st.mtime_ns / 1e9);
}

static val prim_open_append_file(P *p, int argc, val *argv)
{
	(void)argc;
	return open_file(p, "open-append-file", argv,
			 PLAT_O_WRITE | PLAT_O_CREATE | PLAT_O_APPEND,
			 PORT_OUT | PORT_TEXT);
}

const struct p_prim file_prims[] = {
	{"file", "open-input-file", prim_open_input_file, 1, 1, 0},
	{"file", "open-binary-input-file", prim_open_binary_input_file, 1, 1, 0},
	{"file", "open-output-file", prim_open_output_file, 1, 1, 0},
	{"file", "open-binary-output-file", prim_open_binary_output_file, 1, 1, 0},
	{"file", "file-exists?", prim_file_exists_p, 1, 1, 0},
	{"file", "delete-file", prim_delete_file, 1, 1, 0},
	{"pxen fs", "open-append-file", prim_open_append_file, 1, 1, 0},
	{"pxen fs", "list-directory", prim_list_directory, 1, 1, 0},
	{"pxen fs", "rename-file", prim_rename_file, 2, 2, 0},
	{"pxen fs", "make-directory", prim_make_directory, 1, 1, 0},
	{"pxen fs", "delete-directory", prim_delete_directory, 1, 1, 0},
	{"pxen fs", "file-size", prim_file_size, 1, 1, 0},
	{"pxen fs", "file-directory?", prim_file_type_p, 1, 1, PLAT_FT_DIR},
	{"pxen fs", "file-regular?", prim_file_type_p, 1, 1, PLAT_FT_FILE},
	{"pxen fs", "file-modification-time", prim_file_modification_time, 1, 1, 0},
	{NULL, NULL, NULL, 0, 0, 0},
};
