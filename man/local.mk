# man: the pages of p, p-dom0d and the protocol (p-launch.1 comes from
# dom0d/launch/launch.mk).
dist_man_MANS += man/p.1 man/p-repl.1 man/p-dom0d.8 man/pxen-protocol.7
