/*
 * rdl-sandbox-launcher: applies the sandbox's isolation layers to itself, then execs the .NET sandbox.
 *
 *   rdl-sandbox-launcher --probe
 *       prints the layers this machine supports ("netns=1 seccomp=1 landlock=<abi> setuid=1") and exits 0.
 *   rdl-sandbox-launcher [options] -- <program> [args...]
 *       --workdir DIR      chown DIR to the sandbox user and chdir into it
 *       --uid N            run as uid/gid N (needs root; groups are cleared, all capabilities are lost)
 *       --netns            new, empty network namespace (only a down loopback): no route anywhere
 *       --seccomp          syscall filter: no process creation (fork/vfork/clone without CLONE_THREAD, clone3),
 *                          sockets only AF_UNIX, no ptrace/process_vm_*, mount, namespaces, bpf, io_uring, keyring...
 *       --landlock         file system (and, ABI >= 4, TCP) restrictions; paths from:
 *       --ro PATH          read (files and directories below)     --rw PATH   read and write below PATH
 *       --exec PATH        read and execute (the dotnet muxer)
 *       --cpu S --nproc N --fsize BYTES --nofile N               resource limits (core dumps are always off)
 *       --unsetenv NAME    remove NAME from the environment (bubblewrap sets PWD)
 * Every requested layer must apply, or the launcher exits 125 with "launcher: <layer>: <reason>" on stderr.
 * The environment is passed through unchanged (the host already builds an empty one). Every descriptor above 2 is
 * closed first, whatever the options: the protocol runs over stdin and stdout, and anything else the host inherited
 * from its own parent (a key file, a socket) must not reach the sandbox.
 * The host may give bubblewrap as <program> and this launcher again as bubblewrap's command (see the README): the first
 * launcher sets the uid and rlimits, bubblewrap builds the namespaces and filesystem view, and the second launcher
 * applies Landlock and seccomp inside them (mount and unshare, which bubblewrap needs, are what those two deny).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <elf.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#define FAIL 125
#define MAX_PATHS 4096

extern char **environ;

static void die(const char *layer, const char *what)
{
    fprintf(stderr, "launcher: %s: %s%s%s\n", layer, what, errno ? ": " : "", errno ? strerror(errno) : "");
    exit(FAIL);
}

static long parse_long(const char *s, const char *option)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || !end || *end || v < 0) { errno = 0; die(option, "expects a non-negative number"); }
    return v;
}

/* ---------- Landlock ---------- */

/* Newer ABI values, defined here so the launcher builds against older kernel headers (the kernel ABI is stable). */
#define LL_FS_TRUNCATE (1ULL << 14)
#define LL_FS_IOCTL_DEV (1ULL << 15)
#define LL_NET_BIND_TCP (1ULL << 0)
#define LL_NET_CONNECT_TCP (1ULL << 1)
#define LL_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)
#define LL_SCOPE_SIGNAL (1ULL << 1)

struct ll_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net; /* ABI 4 */
    uint64_t scoped;             /* ABI 6 */
};

static int landlock_abi(void)
{
    long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    return abi < 0 ? 0 : (int)abi;
}

#define FS_READ (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
#define FS_FILE_ONLY (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE \
                      | LL_FS_TRUNCATE | LL_FS_IOCTL_DEV)

static uint64_t fs_handled(int abi)
{
    uint64_t all = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE
        | LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE
        | LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG
        | LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK
        | LANDLOCK_ACCESS_FS_MAKE_SYM;
    if (abi >= 2) all |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3) all |= LL_FS_TRUNCATE;
    if (abi >= 5) all |= LL_FS_IOCTL_DEV;
    return all;
}

static void add_rule(int ruleset, const char *path, uint64_t access, uint64_t handled)
{
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) return; /* a path this machine does not have grants nothing */
    struct stat st;
    if (fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode)) access &= FS_FILE_ONLY;
    struct landlock_path_beneath_attr rule = { .allowed_access = access & handled, .parent_fd = fd };
    if (rule.allowed_access && syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) != 0) {
        fprintf(stderr, "launcher: landlock: rule for %s: %s\n", path, strerror(errno));
        exit(FAIL);
    }
    close(fd);
}

/* The ELF interpreter (dynamic loader) of `program`: execve opens it with an execute check too. */
static int elf_interpreter(const char *program, char *out, size_t size)
{
    int fd = open(program, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    Elf64_Ehdr eh;
    int found = 0;
    if (pread(fd, &eh, sizeof eh, 0) == (ssize_t)sizeof eh && memcmp(eh.e_ident, ELFMAG, SELFMAG) == 0 && eh.e_ident[EI_CLASS] == ELFCLASS64) {
        for (int i = 0; i < eh.e_phnum && !found; i++) {
            Elf64_Phdr ph;
            if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + (uint64_t)i * eh.e_phentsize)) != (ssize_t)sizeof ph) break;
            if (ph.p_type != PT_INTERP || ph.p_filesz == 0 || ph.p_filesz >= size) continue;
            if (pread(fd, out, ph.p_filesz, (off_t)ph.p_offset) == (ssize_t)ph.p_filesz) { out[ph.p_filesz - 1] = 0; found = 1; }
        }
    }
    close(fd);
    return found;
}

static void apply_landlock(const char **ro, int nro, const char **rw, int nrw, const char **ex, int nex)
{
    int abi = landlock_abi();
    if (abi < 1) die("landlock", "not supported by this kernel");
    uint64_t handled = fs_handled(abi);
    struct ll_ruleset_attr attr = { .handled_access_fs = handled };
    size_t size = sizeof(uint64_t);
    if (abi >= 4) {
        /* No TCP rule is added: binding and connecting TCP ports is denied. */
        attr.handled_access_net = LL_NET_BIND_TCP | LL_NET_CONNECT_TCP;
        size = 2 * sizeof(uint64_t);
    }
    if (abi >= 6) {
        /* No signals to, and no abstract Unix sockets of, processes outside the sandbox. */
        attr.scoped = LL_SCOPE_ABSTRACT_UNIX_SOCKET | LL_SCOPE_SIGNAL;
        size = 3 * sizeof(uint64_t);
    }
    int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
    if (ruleset < 0) die("landlock", "create_ruleset");
    uint64_t write = handled & ~(LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_BLOCK);
    for (int i = 0; i < nro; i++) add_rule(ruleset, ro[i], FS_READ, handled);
    for (int i = 0; i < nrw; i++) add_rule(ruleset, rw[i], write, handled);
    for (int i = 0; i < nex; i++) {
        add_rule(ruleset, ex[i], FS_READ | LANDLOCK_ACCESS_FS_EXECUTE, handled);
        char interpreter[256];
        if (elf_interpreter(ex[i], interpreter, sizeof interpreter))
            add_rule(ruleset, interpreter, FS_READ | LANDLOCK_ACCESS_FS_EXECUTE, handled);
    }
    /* This process's own /proc entry (the pid survives execve), never other processes'. */
    char self[64];
    snprintf(self, sizeof self, "/proc/%d", (int)getpid());
    add_rule(ruleset, self, FS_READ, handled);
    if (syscall(SYS_landlock_restrict_self, ruleset, 0) != 0) die("landlock", "restrict_self");
    close(ruleset);
}

/* ---------- seccomp ---------- */

#if defined(__x86_64__)
#define ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define ARCH AUDIT_ARCH_AARCH64
#else
#error "rdl-sandbox-launcher supports x86_64 and aarch64"
#endif

#define NS_FLAGS (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP)
#define LOAD_NR BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr))
#define LOAD_ARG0 BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]))
#define ERRNO(e) BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ((e) & SECCOMP_RET_DATA))
#define ALLOW BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)
/* if nr == N return ERRNO(e) */
#define DENY(N, e) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (N), 0, 1), ERRNO(e)

static void apply_seccomp(void)
{
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        LOAD_NR,
#if defined(__x86_64__)
        /* x32 system calls */
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1), ERRNO(EPERM),
        DENY(__NR_fork, EPERM),
        DENY(__NR_vfork, EPERM),
#endif
        DENY(__NR_clone3, ENOSYS), /* glibc then falls back to clone, whose flags can be checked */
        DENY(__NR_execveat, EPERM),
        DENY(__NR_ptrace, EPERM),
        DENY(__NR_process_vm_readv, EPERM),
        DENY(__NR_process_vm_writev, EPERM),
        DENY(__NR_unshare, EPERM),
        DENY(__NR_setns, EPERM),
        DENY(__NR_mount, EPERM),
        DENY(__NR_umount2, EPERM),
        DENY(__NR_pivot_root, EPERM),
        DENY(__NR_chroot, EPERM),
        DENY(__NR_bpf, EPERM),
        DENY(__NR_perf_event_open, EPERM),
        DENY(__NR_keyctl, EPERM),
        DENY(__NR_add_key, EPERM),
        DENY(__NR_request_key, EPERM),
        DENY(__NR_userfaultfd, EPERM),
        DENY(__NR_io_uring_setup, ENOSYS),
        DENY(__NR_kexec_load, EPERM),
        DENY(__NR_init_module, EPERM),
        DENY(__NR_finit_module, EPERM),
        DENY(__NR_delete_module, EPERM),
        DENY(__NR_open_by_handle_at, EPERM),
        DENY(__NR_name_to_handle_at, EPERM),
        DENY(__NR_reboot, EPERM),
        /* clone: threads only (CLONE_THREAD set, no namespace flags) */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 5),
        LOAD_ARG0,
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, NS_FLAGS, 2, 0),
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 0, 1),
        ALLOW,
        ERRNO(EPERM),
        /* socket / socketpair: AF_UNIX only */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 1, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socketpair, 0, 4),
        LOAD_ARG0,
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_UNIX, 0, 1),
        ALLOW,
        ERRNO(EACCES),
        ALLOW,
    };
    struct sock_fprog prog = { .len = (unsigned short)(sizeof filter / sizeof filter[0]), .filter = filter };
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) die("seccomp", "install filter");
}

static int seccomp_supported(void)
{
    /* EFAULT (bad pointer) means the filter mode exists; EINVAL means it does not. */
    return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, NULL) != 0 && errno == EFAULT;
}

static int netns_supported(void)
{
    struct stat st;
    return stat("/proc/self/ns/net", &st) == 0;
}

/* ---------- inherited descriptors ---------- */

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

/* Closes every descriptor above 2: close_range(2) (Linux 5.9), else each entry of /proc/self/fd, else every number
 * below the descriptor limit. */
static void close_inherited_descriptors(void)
{
    if (syscall(SYS_close_range, 3U, ~0U, 0U) == 0) return;
    DIR *dir = opendir("/proc/self/fd");
    if (dir) {
        int own = dirfd(dir), fds[1024], n;
        do {
            n = 0;
            struct dirent *entry;
            rewinddir(dir);
            while ((entry = readdir(dir)) && n < 1024) {
                char *end = NULL;
                long fd = strtol(entry->d_name, &end, 10);
                if (end && !*end && entry->d_name[0] && fd > 2 && fd != own) fds[n++] = (int)fd;
            }
            for (int i = 0; i < n; i++) close(fds[i]);
        } while (n == 1024);
        closedir(dir);
        return;
    }
    struct rlimit limit;
    long max = getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < 1048576 ? (long)limit.rlim_cur : 1048576;
    for (long fd = 3; fd < max; fd++) close((int)fd);
}

/* ---------- main ---------- */

static void set_limit(int resource, rlim_t value, const char *name)
{
    struct rlimit limit = { value, value };
    if (setrlimit(resource, &limit) != 0) die(name, "setrlimit");
}

static void write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) die("netns", path);
    close(fd);
}

int main(int argc, char **argv)
{
    static const char *ro[MAX_PATHS], *rw[MAX_PATHS], *ex[MAX_PATHS];
    int nro = 0, nrw = 0, nex = 0, netns = 0, seccomp = 0, landlock = 0, i = 1;
    long uid = -1, cpu = -1, nproc = -1, fsize = -1, nofile = -1;
    const char *workdir = NULL;

    close_inherited_descriptors();
    if (argc == 2 && strcmp(argv[1], "--probe") == 0) {
        printf("netns=%d seccomp=%d landlock=%d setuid=%d\n", netns_supported(), seccomp_supported(), landlock_abi(), geteuid() == 0);
        return 0;
    }
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--netns")) netns = 1;
        else if (!strcmp(a, "--seccomp")) seccomp = 1;
        else if (!strcmp(a, "--landlock")) landlock = 1;
        else if (!v) { errno = 0; die(a, "needs a value"); }
        else {
            i++;
            if (!strcmp(a, "--workdir")) workdir = v;
            else if (!strcmp(a, "--uid")) uid = parse_long(v, a);
            else if (!strcmp(a, "--cpu")) cpu = parse_long(v, a);
            else if (!strcmp(a, "--nproc")) nproc = parse_long(v, a);
            else if (!strcmp(a, "--fsize")) fsize = parse_long(v, a);
            else if (!strcmp(a, "--nofile")) nofile = parse_long(v, a);
            else if (!strcmp(a, "--ro") && nro < MAX_PATHS) ro[nro++] = v;
            else if (!strcmp(a, "--rw") && nrw < MAX_PATHS) rw[nrw++] = v;
            else if (!strcmp(a, "--exec") && nex < MAX_PATHS) ex[nex++] = v;
            else if (!strcmp(a, "--unsetenv")) unsetenv(v);
            else { errno = 0; die(a, "unknown option"); }
        }
    }
    if (i + 1 >= argc) { errno = 0; die("usage", "rdl-sandbox-launcher [options] -- <program> [args...]"); }
    char **program = argv + i + 1;

    set_limit(RLIMIT_CORE, 0, "core");
    if (cpu >= 0) {
        /* Soft limit sends SIGXCPU; the hard limit one second later sends SIGKILL. */
        struct rlimit limit = { (rlim_t)cpu, (rlim_t)cpu + 1 };
        if (setrlimit(RLIMIT_CPU, &limit) != 0) die("cpu", "setrlimit");
    }
    if (nproc >= 0) set_limit(RLIMIT_NPROC, (rlim_t)nproc, "nproc");
    if (fsize >= 0) set_limit(RLIMIT_FSIZE, (rlim_t)fsize, "fsize");
    if (nofile >= 0) set_limit(RLIMIT_NOFILE, (rlim_t)nofile, "nofile");

    if (netns) {
        if (geteuid() == 0) {
            if (unshare(CLONE_NEWNET) != 0) die("netns", "unshare(CLONE_NEWNET)");
        } else {
            uid_t me = geteuid();
            gid_t group = getegid();
            if (unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0) die("netns", "unshare(CLONE_NEWUSER|CLONE_NEWNET)");
            char map[64];
            write_file("/proc/self/setgroups", "deny");
            snprintf(map, sizeof map, "%u %u 1\n", me, me);
            write_file("/proc/self/uid_map", map);
            snprintf(map, sizeof map, "%u %u 1\n", group, group);
            write_file("/proc/self/gid_map", map);
        }
    }
    if (workdir) {
        if (uid >= 0 && chown(workdir, (uid_t)uid, (gid_t)uid) != 0) die("workdir", "chown");
        if (chdir(workdir) != 0) die("workdir", "chdir");
    }
    if (uid >= 0) {
        if (setgroups(0, NULL) != 0) die("uid", "setgroups");
        if (setresgid((gid_t)uid, (gid_t)uid, (gid_t)uid) != 0) die("uid", "setresgid");
        if (setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) != 0) die("uid", "setresuid");
        if (setuid(0) == 0) { errno = 0; die("uid", "root could be regained"); }
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) die("no_new_privs", "prctl");
    if (landlock) apply_landlock(ro, nro, rw, nrw, ex, nex);
    if (seccomp) apply_seccomp();

    execve(program[0], program, environ);
    die("exec", program[0]);
    return FAIL;
}
