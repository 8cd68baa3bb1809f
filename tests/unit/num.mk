# tests/unit/num.mk: build rules for one owner's part of this folder.
