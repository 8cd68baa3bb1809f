/*
 * test_libc_string.c - libpcbase's string functions compiled under tb_*
 * names, so test_libc can compare them with glibc's in one process (under
 * their own names they would replace glibc's for the whole program).
 * Built like libpcbase: loops must stay loops, not calls to glibc.
 */
#pragma GCC optimize("no-tree-loop-distribute-patterns")
#define memcpy tb_memcpy
#define memmove tb_memmove
#define memset tb_memset
#define memcmp tb_memcmp
#define memchr tb_memchr
#define strlen tb_strlen
#define strnlen tb_strnlen
#define strcmp tb_strcmp
#define strncmp tb_strncmp
#define strchr tb_strchr
#define strrchr tb_strrchr
#define strstr tb_strstr
#include "../../guest/libc/string.c"
