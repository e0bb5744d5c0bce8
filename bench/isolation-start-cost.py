#!/usr/bin/env python3
"""CPU cost of starting a sandbox's isolation chain, without the .NET sandbox (issue 12).

Runs /usr/bin/true through the launcher as the host does, interleaved: (a) launcher only (uid, rlimits, netns,
Landlock, seccomp) and (b) launcher -> bwrap (namespaces, view) -> launcher. The view binds the published sandbox
folder either whole (as the host does when the folder holds only the sandbox) or file by file (PER_FILE=1, as for a
sandbox next to the host's own files). Prints CPU per start (utime+stime of the reaped children).
Usage (as root, after a Release build): python3 bench/isolation-start-cost.py bench/Renderer.Bench/bin/Release/net10.0 [runs]
"""
import glob, os, resource, subprocess, sys, tempfile

out = os.path.abspath(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
launcher, sandbox = os.path.join(out, "rdl-sandbox-launcher"), os.path.join(out, "sandbox")
files = [f for f in glob.glob(sandbox + "/*") if f.endswith((".dll", ".so")) or os.path.basename(f).startswith("Renderer.Sandbox.")]
bound = files if os.environ.get("PER_FILE") else [sandbox]
system = ["/usr/lib", "/lib", "/lib64", "/usr/lib64", "/etc/ld.so.cache", "/etc/localtime", "/usr/share/zoneinfo", "/usr/share/icu", "/sys/fs/cgroup", "/sys/devices/system/cpu"]

def view(work):
    args = ["--unshare-net", "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--as-pid-1",
            "--new-session", "--cap-drop", "ALL", "--hostname", "rdl-sandbox", "--tmpfs", "/tmp", "--proc", "/proc", "--dev", "/dev"]
    for path in system + [launcher, "/usr/bin/true", "/usr/share/dotnet"] + bound:
        args += ["--symlink", os.readlink(path), path] if os.path.islink(path) else ["--ro-bind-try", path, path]
    return args + ["--bind", work, work, "--chdir", work, "--remount-ro", "/"]

def start(namespaces, uid):
    work = tempfile.mkdtemp(prefix="rdl-sandbox-")
    outer = [launcher, "--workdir", work, "--uid", str(uid), "--cpu", "30", "--nproc", "256", "--fsize", "67108864", "--nofile", "1024"]
    inner = ["--seccomp", "--landlock", "--exec", "/usr/bin/true", "--ro", "/usr/lib", "--ro", sandbox, "--rw", work, "--", "/usr/bin/true"]
    command = outer + ["--", "/usr/bin/bwrap"] + view(work) + ["--", launcher, "--unsetenv", "PWD"] + inner if namespaces else outer + ["--netns"] + inner
    result = subprocess.run(command, capture_output=True)
    os.rmdir(work)
    if result.returncode != 0: sys.exit(result.stderr.decode())

total = {False: 0.0, True: 0.0}
for i in range(runs):
    for namespaces in (False, True):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start(namespaces, 210000 + i)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        total[namespaces] += (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
print(f"{len(bound)} bind(s) for the sandbox's files; {runs} starts each, interleaved; CPU per start: launcher only {total[False] / runs * 1000:.1f} ms, "
      f"launcher + bwrap + launcher {total[True] / runs * 1000:.1f} ms; load average {' '.join(open('/proc/loadavg').read().split()[:3])}")
