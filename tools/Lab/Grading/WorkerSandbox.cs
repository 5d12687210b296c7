namespace Lab.Cli.Grading;

/// <summary>
/// Runs each grading worker inside bubblewrap on Linux when it is installed: a new user namespace (uid 65534, no
/// privileges), no network, its own PID namespace (so nothing it starts outlives it) and session, a read-only view of
/// the file system with a private /tmp, the submissions and output folders hidden except the student's own file (read
/// only) and trace folder (writable), a parent-death signal, a managed-heap limit, and only the environment variables
/// it needs. Where bubblewrap is missing (or not Linux) workers run unsandboxed and the run says so; the IL allowlist
/// still refuses files, network, processes, interop and reflection.
/// </summary>
public static class WorkerSandbox
{
    /// <summary>The managed-heap limit of a sandboxed worker (RLIMIT_AS would stop the .NET runtime from starting).</summary>
    public const long HeapLimitBytes = 1L << 30;

    private static readonly Lazy<string?> Bubblewrap = new(Locate);

    /// <summary>True when workers run sandboxed.</summary>
    public static bool IsAvailable => Bubblewrap.Value is not null;

    /// <summary>One line for the run's summary: what holds for the workers of this run.</summary>
    public static string Statement => IsAvailable
        ? "sandbox: bubblewrap (no network, uid 65534, read-only file system, private /tmp, other students hidden, PID namespace, 1 GiB heap)" +
          (WorkerCgroup.IsAvailable
              ? $"; control groups ({WorkerCgroup.ProcessLimit} processes and threads, {WorkerCgroup.MemoryLimitBytes >> 30} GiB memory, processor time of the whole worker)"
              : "; no control groups (not root, or no cgroup v1 pids/memory/cpuacct): no process-count or whole-process memory limit")
        : "sandbox: none (bubblewrap not found; install the 'bubblewrap' package): workers run as this user, guarded by the IL allowlist and time limits only";

    /// <summary>The program and arguments that run <paramref name="fileName"/> <paramref name="arguments"/> sandboxed, seeing only what is named.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Wrap(
        string fileName, IReadOnlyList<string> arguments, IReadOnlyList<string> hidden, IReadOnlyList<string> readOnly, IReadOnlyList<string> writable)
    {
        if (Bubblewrap.Value is not { } bwrap) return (fileName, arguments);
        var wrapped = new List<string>
        {
            "--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534", "--die-with-parent", "--new-session",
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
            "--clearenv", "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp",
            "--setenv", "DOTNET_CLI_TELEMETRY_OPTOUT", "1", "--setenv", "DOTNET_NOLOGO", "1",
            "--setenv", "DOTNET_GCHeapHardLimit", $"0x{HeapLimitBytes:X}",
        };
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root) wrapped.AddRange(["--setenv", "DOTNET_ROOT", root]);
        foreach (string path in hidden.Where(Directory.Exists)) wrapped.AddRange(["--tmpfs", path]);
        // The lab itself must stay visible even when it lives under /tmp (a CI clone), which the private /tmp hides.
        foreach (string path in ProgramFolders(fileName)) wrapped.AddRange(["--ro-bind", path, path]);
        foreach (string path in readOnly) wrapped.AddRange(["--ro-bind", path, path]);
        foreach (string path in writable)
        {
            Directory.CreateDirectory(path);
            wrapped.AddRange(["--bind", path, path]);
        }
        wrapped.Add("--");
        wrapped.Add(fileName);
        wrapped.AddRange(arguments);
        return (bwrap, wrapped);
    }

    /// <summary>The folders the worker runs from: the lab's own binaries and the program started (a launcher or the dotnet host).</summary>
    private static IEnumerable<string> ProgramFolders(string fileName) =>
        new[] { Path.GetDirectoryName(typeof(WorkerSandbox).Assembly.Location), Path.GetDirectoryName(Path.GetFullPath(fileName)) }
            .OfType<string>().Where(Directory.Exists).Distinct(StringComparer.Ordinal);

    private static string? Locate()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("LAB_NO_SANDBOX") is { Length: > 0 }) return null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "bwrap"))
            .FirstOrDefault(File.Exists);
    }
}
