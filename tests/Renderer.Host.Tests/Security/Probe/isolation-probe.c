/*
 * isolation-probe: a test-only native program that the isolation tests start in place of the .NET sandbox, through the
 * same launcher with the same layers, to try what hostile native code inside a sandbox would try. Each argument is one
 * attempt; each prints one line, "<attempt> OPEN <what it got>" or "<attempt> DENIED <errno name>":
 *   fd:N                 read from descriptor N (one the host process held open)
 *   file:PATH            open and read PATH
 *   unix:PATH            connect to a Unix socket by path          abstract:NAME   ... to an abstract Unix socket
 *   pid:N                signal 0 to host pid N and read /proc/N/environ and /proc/N/cmdline
 *   tcp:A.B.C.D:PORT     connect over TCP (loopback or outbound)
 *   listdir:PATH         list a folder (prints the names it sees)
 * It always ends with "self uid=<uid> pid=<pid>" and exits 0.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void denied(const char *attempt, int error) { printf("%s DENIED %s\n", attempt, strerrorname_np(error) ? strerrorname_np(error) : "?"); }

static void read_fd(const char *attempt, int fd)
{
    char buffer[256];
    ssize_t n = pread(fd, buffer, sizeof buffer, 0);
    if (n < 0 && errno == ESPIPE) n = read(fd, buffer, sizeof buffer);
    if (n < 0) denied(attempt, errno);
    else printf("%s OPEN read %zd bytes\n", attempt, n);
}

static void read_file(const char *attempt, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { denied(attempt, errno); return; }
    read_fd(attempt, fd);
    close(fd);
}

static void connect_unix(const char *attempt, const char *name, int abstract)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) { denied(attempt, errno); return; }
    struct sockaddr_un address = { .sun_family = AF_UNIX };
    size_t length = strlen(name);
    if (length + 2 > sizeof address.sun_path) { printf("%s ERROR name too long\n", attempt); close(fd); return; }
    memcpy(address.sun_path + (abstract ? 1 : 0), name, length);
    socklen_t size = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + length + (abstract ? 1 : 0));
    if (connect(fd, (struct sockaddr *)&address, size) != 0) denied(attempt, errno);
    else {
        const char hello[] = "probe";
        ssize_t sent = write(fd, hello, sizeof hello - 1);
        printf("%s OPEN connected, sent %zd bytes\n", attempt, sent);
    }
    close(fd);
}

static void probe_pid(const char *attempt, const char *value)
{
    int pid = atoi(value);
    char line[512], path[64];
    snprintf(line, sizeof line, "%s:kill", attempt);
    if (kill(pid, 0) != 0) denied(line, errno); else printf("%s OPEN signalled\n", line);
    snprintf(path, sizeof path, "/proc/%d/environ", pid);
    snprintf(line, sizeof line, "%s:environ", attempt);
    read_file(line, path);
    snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
    snprintf(line, sizeof line, "%s:cmdline", attempt);
    read_file(line, path);
}

static void connect_tcp(const char *attempt, const char *value)
{
    char host[64];
    const char *colon = strrchr(value, ':');
    if (!colon || (size_t)(colon - value) >= sizeof host) { printf("%s ERROR expects A.B.C.D:PORT\n", attempt); return; }
    memcpy(host, value, (size_t)(colon - value));
    host[colon - value] = 0;
    struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(colon + 1)) };
    if (inet_pton(AF_INET, host, &address.sin_addr) != 1) { printf("%s ERROR bad address\n", attempt); return; }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) { denied(attempt, errno); return; }
    if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) denied(attempt, errno);
    else printf("%s OPEN connected\n", attempt);
    close(fd);
}

static void list_dir(const char *attempt, const char *path)
{
    DIR *dir = opendir(path);
    if (!dir) { denied(attempt, errno); return; }
    printf("%s OPEN", attempt);
    struct dirent *entry;
    while ((entry = readdir(dir)))
        if (strcmp(entry->d_name, ".") && strcmp(entry->d_name, "..")) printf(" %s", entry->d_name);
    printf("\n");
    closedir(dir);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int i = 1; i < argc; i++) {
        const char *attempt = argv[i];
        const char *value = strchr(attempt, ':');
        if (!value) { printf("%s ERROR expects kind:value\n", attempt); continue; }
        value++;
        if (!strncmp(attempt, "fd:", 3)) read_fd(attempt, atoi(value));
        else if (!strncmp(attempt, "file:", 5)) read_file(attempt, value);
        else if (!strncmp(attempt, "unix:", 5)) connect_unix(attempt, value, 0);
        else if (!strncmp(attempt, "abstract:", 9)) connect_unix(attempt, value, 1);
        else if (!strncmp(attempt, "pid:", 4)) probe_pid(attempt, value);
        else if (!strncmp(attempt, "tcp:", 4)) connect_tcp(attempt, value);
        else if (!strncmp(attempt, "listdir:", 8)) list_dir(attempt, value);
        else printf("%s ERROR unknown kind\n", attempt);
    }
    printf("self uid=%d pid=%d\n", (int)getuid(), (int)getpid());
    return 0;
}
