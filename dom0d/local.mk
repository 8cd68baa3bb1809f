# dom0d: p-dom0d, p-repl; p-launch comes from launch.mk (KERNEL's).
include $(top_srcdir)/dom0d/launch.mk
