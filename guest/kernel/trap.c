/* trap.c - IDT setup, register dump, backtrace, crash. */
#include "trap.h"
#include "console.h"
#include "hypercall.h"

struct idt_gate {
	uint16_t off_lo, sel;
	uint8_t ist, type;
	uint16_t off_mid;
	uint32_t off_hi, zero;
};

struct tss64 {
	uint32_t rsv0;
	uint64_t rsp[3];
	uint64_t rsv1;
	uint64_t ist[7];
	uint64_t rsv2;
	uint16_t rsv3, iomap;
} __attribute__((packed));

static struct idt_gate idt[32] __attribute__((aligned(16)));
static struct tss64 tss __attribute__((aligned(16)));
/* Double faults and page faults run on this stack, so that a kernel stack
 * overflow can still be reported. */
static char ist_stack[16384] __attribute__((aligned(16)));
extern uint64_t boot_gdt[];
extern char boot_stack_guard[];
extern char trap_stubs[];
extern char _image_start[], _image_end[];
extern char boot_stack_bottom[], boot_stack_top[];

static const char *const names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
	"invalid opcode", "device not available", "double fault", "coprocessor",
	"invalid TSS", "segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 FP error", "alignment check",
	"machine check", "SIMD FP error", "virtualization", "control protection",
};

static void tss_init(void)
{
	uint64_t base = (uint64_t)(uintptr_t)&tss, limit = sizeof tss - 1;
	tss.ist[0] = (uint64_t)(uintptr_t)(ist_stack + sizeof ist_stack);
	tss.iomap = sizeof tss;
	boot_gdt[3] = (limit & 0xffff) | (base & 0xffffff) << 16 | 0x89ull << 40 |
		      ((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
	boot_gdt[4] = base >> 32;
	__asm__ volatile("ltr %w0" : : "r"(0x18));
}

void trap_init(void)
{
	tss_init();
	for (int i = 0; i < 32; i++) {
		uint64_t a = (uint64_t)(uintptr_t)(trap_stubs + 16 * i);
		idt[i] = (struct idt_gate){
			.off_lo = (uint16_t)a, .sel = 0x08, .type = 0x8e,
			.off_mid = (uint16_t)(a >> 16), .off_hi = (uint32_t)(a >> 32),
			.ist = (i == 8 || i == 14) ? 1 : 0,
		};
	}
	struct __attribute__((packed)) { uint16_t limit; uint64_t base; } d = {
		sizeof idt - 1, (uint64_t)(uintptr_t)idt,
	};
	__asm__ volatile("lidt %0" : : "m"(d));
}

static int in_stack(uint64_t p)
{
	return p >= (uintptr_t)boot_stack_bottom && p + 16 <= (uintptr_t)boot_stack_top &&
	       !(p & 7);
}

static void backtrace(uint64_t rbp)
{
	kprintf("backtrace (addr2line -e p-guest):\n");
	for (int depth = 0; depth < 32 && in_stack(rbp); depth++) {
		uint64_t *fp = (uint64_t *)(uintptr_t)rbp;
		uint64_t ret = fp[1];
		if (ret < (uintptr_t)_image_start || ret >= (uintptr_t)_image_end)
			break;
		kprintf("  #%d 0x%lx\n", depth, (unsigned long)ret);
		if (fp[0] <= rbp)
			break;
		rbp = fp[0];
	}
}

_Noreturn void trap_fatal(struct trap_frame *f)
{
	static int nested;
	if (nested++)
		hyp_shutdown(SHUTDOWN_crash);
	uint64_t cr2;
	__asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
	const char *name = f->vector < 32 && names[f->vector] ? names[f->vector] : "exception";
	kprintf("\np-guest: fatal CPU exception %lu (%s), error code 0x%lx\n",
		(unsigned long)f->vector, name, (unsigned long)f->error);
	if (f->vector == 14 && cr2 >= (uintptr_t)boot_stack_guard &&
	    cr2 < (uintptr_t)boot_stack_guard + 4096)
		kprintf("p-guest: kernel stack overflow\n");
	kprintf("rip %016lx  rsp %016lx  rflags %016lx  cr2 %016lx\n",
		(unsigned long)f->rip, (unsigned long)f->rsp, (unsigned long)f->rflags,
		(unsigned long)cr2);
	kprintf("rax %016lx  rbx %016lx  rcx %016lx  rdx %016lx\n",
		(unsigned long)f->rax, (unsigned long)f->rbx, (unsigned long)f->rcx,
		(unsigned long)f->rdx);
	kprintf("rsi %016lx  rdi %016lx  rbp %016lx  r8  %016lx\n",
		(unsigned long)f->rsi, (unsigned long)f->rdi, (unsigned long)f->rbp,
		(unsigned long)f->r8);
	kprintf("r9  %016lx  r10 %016lx  r11 %016lx  r12 %016lx\n",
		(unsigned long)f->r9, (unsigned long)f->r10, (unsigned long)f->r11,
		(unsigned long)f->r12);
	kprintf("r13 %016lx  r14 %016lx  r15 %016lx  cs %lx ss %lx\n",
		(unsigned long)f->r13, (unsigned long)f->r14, (unsigned long)f->r15,
		(unsigned long)f->cs, (unsigned long)f->ss);
	kprintf("  #- 0x%lx (faulting instruction)\n", (unsigned long)f->rip);
	backtrace(f->rbp);
	kprintf("p-guest: crashed\n");
	hyp_shutdown(SHUTDOWN_crash);
}

_Noreturn void kpanic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	pc_vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	kprintf("\np-guest: panic: %s\n", buf);
	backtrace((uint64_t)(uintptr_t)__builtin_frame_address(0));
	kprintf("p-guest: crashed\n");
	hyp_shutdown(SHUTDOWN_crash);
}
