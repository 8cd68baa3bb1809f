/*
 * boot.S - PVH entry: Xen starts us in 32-bit protected mode with paging
 * off, ebx = physical address of struct hvm_start_info and no stack.  We
 * identity-map the first 4 GiB with 2 MiB pages, enter long mode, enable
 * SSE (the compiler and the interpreter's flonums use it) and call
 * kmain(start_info).
 */
#include <xen/elfnote.h>

#define ELFNOTE(type, desc_directive, desc)	\
	.balign 4;				\
	.long 2f - 1f;				\
	.long 4f - 3f;				\
	.long type;				\
1:	.asciz "Xen";				\
2:	.balign 4;				\
3:	desc_directive desc;			\
4:	.balign 4

	.section .note.Xen, "a", @note
	ELFNOTE(XEN_ELFNOTE_PHYS32_ENTRY, .long, pvh_entry)
	ELFNOTE(XEN_ELFNOTE_GUEST_OS, .asciz, "pxen")
	ELFNOTE(XEN_ELFNOTE_GUEST_VERSION, .asciz, "0.1")
	ELFNOTE(XEN_ELFNOTE_LOADER, .asciz, "generic")

#define CR0_MP 0x2
#define CR0_EM 0x4
#define CR0_TS 0x8
#define CR0_NE 0x20
#define CR0_PG 0x80000000
#define CR4_PAE 0x20
#define CR4_OSFXSR 0x200
#define CR4_OSXMMEXCPT 0x400
#define MSR_EFER 0xc0000080
#define EFER_LME 0x100

	.section .text.boot, "ax"
	.code32
	.globl pvh_entry
pvh_entry:
	cld
	movl	$boot_stack_top, %esp
	movl	%ebx, %edi
	/* Boot-time measurement starts here, before anything else runs. */
	rdtsc
	movl	%eax, boot_tsc
	movl	%edx, boot_tsc + 4

	movl	$boot_pdpt + 3, boot_pml4
	movl	$boot_pd + 3, %eax
	xorl	%ecx, %ecx
1:	movl	%eax, boot_pdpt(, %ecx, 8)
	addl	$0x1000, %eax
	incl	%ecx
	cmpl	$4, %ecx
	jb	1b
	xorl	%ecx, %ecx
2:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$0x83, %eax
	movl	%eax, boot_pd(, %ecx, 8)
	incl	%ecx
	cmpl	$2048, %ecx
	jb	2b
	/* The first 2 MiB get 4 KiB pages with page 0 absent, so that a NULL
	 * dereference faults instead of scribbling on low memory. */
	movl	$1, %ecx
3:	movl	%ecx, %eax
	shll	$12, %eax
	orl	$3, %eax
	movl	%eax, boot_pt0(, %ecx, 8)
	incl	%ecx
	cmpl	$512, %ecx
	jb	3b
	movl	$boot_pt0 + 3, boot_pd
	/* An absent guard page below the stack turns a kernel stack overflow
	 * into a page fault (handled on its own IST stack) instead of silent
	 * corruption of the data below. */
	movl	$boot_stack_guard, %eax
	shrl	$12, %eax
	cmpl	$512, %eax
	jae	4f
	movl	$0, boot_pt0(, %eax, 8)
4:

	movl	%cr4, %eax
	orl	$(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT), %eax
	movl	%eax, %cr4
	movl	$boot_pml4, %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	wrmsr
	movl	%cr0, %eax
	andl	$~(CR0_EM | CR0_TS), %eax
	orl	$(CR0_PG | CR0_MP | CR0_NE), %eax
	movl	%eax, %cr0
	lgdt	boot_gdt_desc
	ljmp	$0x08, $long_entry

	.code64
long_entry:
	movw	$0x10, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorl	%eax, %eax
	movw	%ax, %fs
	movw	%ax, %gs
	fninit
	ldmxcsr	boot_mxcsr
	movl	$boot_stack_top, %esp
	movl	%edi, %edi
	xorl	%ebp, %ebp
	call	kmain
	ud2

	.data
	.balign 8
	.globl boot_gdt
boot_gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad	0x00cf92000000ffff	/* 0x10: data */
	.quad	0, 0			/* 0x18: TSS, filled in by trap_init */
boot_gdt_end:
	.balign 8
boot_gdt_desc:
	.word	boot_gdt_end - boot_gdt - 1
	.quad	boot_gdt
boot_mxcsr:
	.long	0x1f80

	.balign 8
	.globl boot_tsc
boot_tsc:
	.quad	0

	.bss
	.balign 4096
	.globl boot_pdpt
boot_pml4:
	.skip	4096
boot_pdpt:
	.skip	4096
boot_pd:
	.skip	4 * 4096
boot_pt0:
	.skip	4096
	.globl boot_stack_guard, boot_stack_bottom, boot_stack_top
boot_stack_guard:
	.skip	4096
boot_stack_bottom:
	.skip	1024 * 1024
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
