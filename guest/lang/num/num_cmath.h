/*
 * num_cmath.h - the elementary functions on inexact complex numbers, as
 * pairs of doubles: principal values with the branch cuts R7RS 6.2.6
 * defines (log's along the negative real axis, the others following
 * from log through the report's formulas), signed zeros honoured.
 */
#ifndef PXEN_NUM_CMATH_H
#define PXEN_NUM_CMATH_H

struct cplx {
	double re, im;
};

struct cplx cm_mul(struct cplx a, struct cplx b);
struct cplx cm_exp(struct cplx z);
struct cplx cm_log(struct cplx z);
struct cplx cm_sqrt(struct cplx z);
struct cplx cm_sin(struct cplx z);
struct cplx cm_cos(struct cplx z);
struct cplx cm_tan(struct cplx z);
struct cplx cm_asin(struct cplx z);
struct cplx cm_acos(struct cplx z);
struct cplx cm_atan(struct cplx z);
/* a^b = e^(b log a); 0^b is 1 for b = 0 and 0 for Re b > 0, else NaN. */
struct cplx cm_pow(struct cplx a, struct cplx b);

#endif
