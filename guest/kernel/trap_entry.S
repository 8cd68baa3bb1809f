/*
 * trap_entry.S - entry stubs for the 32 CPU exception vectors.  Each stub
 * pushes a uniform frame (vector, error code, all general registers) and
 * calls trap_fatal(frame), which reports and crashes the domain.
 */
	.text
	.code64

#define ERRCODE_VECTORS ((1 << 8) | (1 << 10) | (1 << 11) | (1 << 12) | \
	(1 << 13) | (1 << 14) | (1 << 17) | (1 << 21) | (1 << 29) | (1 << 30))

	.macro stub n
	.balign 16
trap_stub_\n:
	.if ((ERRCODE_VECTORS >> \n) & 1) == 0
	pushq	$0
	.endif
	pushq	$\n
	jmp	trap_common
	.endm

	.globl trap_stubs
	.balign 16
trap_stubs:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	stub \n
	.endr

trap_common:
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rdi
	andq	$-16, %rsp
	call	trap_fatal
	ud2

	.section .note.GNU-stack, "", @progbits
