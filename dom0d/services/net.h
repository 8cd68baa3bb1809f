/*
 * net.h - the guest's sockets: CONNECT, BIND, LISTEN, ACCEPT, RESOLVE and
 * friends, each checked against the guest's policy; a socket's bytes then
 * flow as a stream (stream.h).
 */
#ifndef PXEN_DOM0D_NET_H
#define PXEN_DOM0D_NET_H

#include <stdint.h>

#include "px_codec.h"
#include "px_wire.h"

struct guest;
struct stream;

void net_handle(struct guest *g, const struct px_hdr *h, struct px_field *f);
void net_on_event(struct stream *s, uint32_t events);

#endif
