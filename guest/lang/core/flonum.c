/* flonum.c - boxing doubles (the constructor value.h promises). */
#include "core.h"

val p_flonum(P *p, double d)
{
	val v = p_alloc(p, T_FLONUM, sizeof(double));
	P_FLOVAL(v) = d;
	return v;
}
