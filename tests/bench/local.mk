# tests/bench/local.mk: build rules for one owner's part of this folder.
