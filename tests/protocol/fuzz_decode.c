/*
 * fuzz_decode.c - libFuzzer target for the protocol decoders: frame
 * headers, every pxen message layout in every direction, and 9P2000.L
 * messages.  Built with clang -fsanitize=fuzzer,address,undefined.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "p9.h"
#include "px_msgs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct px_field f[PX_MAX_FIELDS];
	struct px_hdr h;
	const char *why;
	unsigned type, dir;
	uint16_t tag;

	if (size >= PX_HDR && px_hdr_decode(data, PX_MAX_FRAME, &h) == 0 && h.size <= size)
		for (dir = 1; dir <= PX_D2L; dir <<= 1)
			if (px_check(&h, data + PX_HDR, dir, f, &why) == 0 && h.type == PX_L_REGISTER) {
				uint32_t pos = 0, len;
				while (px_next(&f[5], 'S', &pos, &len))
					;
			}
	if (p9_decode(data, size, &type, &tag, f) == 0 && type == P9_TWALK) {
		uint32_t pos = 0, len;
		while (px_next(&f[2], 'S', &pos, &len))
			;
	}
	if (size > 0) {
		/* The first byte picks a layout; the rest is its body. */
		const struct px_msg_info *mi = px_msg_info(data[0]);
		const char *fmt = mi ? mi->fmt : p9_fmt(data[0]);
		uint8_t out[PX_MAX_FRAME];
		if (fmt && px_decode(data + 1, size - 1, fmt, f) >= 0) {
			long n = px_encode(out, sizeof out, fmt, f);
			if (n != (long)size - 1 || memcmp(out, data + 1, size - 1))
				__builtin_trap();	/* decode then encode must give the input back */
		}
	}
	return 0;
}
