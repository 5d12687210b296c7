namespace Lab.Cli.Grading;

/// <summary>
/// A control group of one grading worker (Linux, cgroup v1, when the grader may create groups, as root can): a
/// process-count limit (<c>pids.max</c>, which counts threads too), a memory limit (<c>memory.limit_in_bytes</c>, the
/// whole worker, where the GC heap limit only bounds its managed heap) and its processor time over every process in it
/// (<c>cpuacct.usage</c>, which sees the sandboxed grandchild that the sandbox's own process time does not). The worker
/// joins the groups before it starts anything (<see cref="Wrap"/>), so nothing it starts escapes them; the groups are
/// removed when disposed. Where groups cannot be made, <see cref="TryCreate"/> returns null and grading says so.
/// </summary>
public sealed class WorkerCgroup : IDisposable
{
    /// <summary>Processes and threads a worker may have at once: the runtime and an exploration's threads fit many times over; a fork bomb does not.</summary>
    public const int ProcessLimit = 512;

    /// <summary>Memory a worker may use in all (its managed heap is capped at <see cref="WorkerSandbox.HeapLimitBytes"/>).</summary>
    public const long MemoryLimitBytes = 2L << 30;

    private const string Root = "/sys/fs/cgroup";
    private static int s_created;
    private readonly IReadOnlyList<string> _groups;

    private WorkerCgroup(IReadOnlyList<string> groups) => _groups = groups;

    /// <summary>True when this machine lets the grader put workers in groups of their own (checked once, by making one).</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>A new group for one worker, or null where groups cannot be made.</summary>
    public static WorkerCgroup? TryCreate()
    {
        if (!IsAvailable) return null;
        string name = $"lab-worker-{Environment.ProcessId}-{Interlocked.Increment(ref s_created)}";
        var made = new List<string>();
        try
        {
            string pids = Make("pids", name, made);
            File.WriteAllText(Path.Combine(pids, "pids.max"), ProcessLimit.ToString());
            string memory = Make("memory", name, made);
            File.WriteAllText(Path.Combine(memory, "memory.limit_in_bytes"), MemoryLimitBytes.ToString());
            Make("cpuacct", name, made);
            return new WorkerCgroup(made);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            new WorkerCgroup(made).Dispose();
            return null;
        }
    }

    /// <summary>The program and arguments that start <paramref name="fileName"/> inside this group: a shell joins it, then becomes the program.</summary>
    public (string FileName, IReadOnlyList<string> Arguments) Wrap(string fileName, IReadOnlyList<string> arguments)
    {
        const string joinThenRun = "for group do [ \"$group\" = -- ] && break; echo $$ > \"$group/cgroup.procs\" || exit 125; shift; done; shift; exec \"$@\"";
        return ("/bin/sh", ["-c", joinThenRun, "lab-worker", .. _groups, "--", fileName, .. arguments]);
    }

    /// <summary>Processor time used by every process that was in the group; null when it cannot be read.</summary>
    public TimeSpan? ProcessorTime
    {
        get
        {
            string? cpuacct = _groups.FirstOrDefault(g => g.StartsWith(Path.Combine(Root, "cpuacct"), StringComparison.Ordinal));
            try
            {
                return cpuacct is not null && long.TryParse(File.ReadAllText(Path.Combine(cpuacct, "cpuacct.usage")).Trim(), out long nanoseconds)
                    ? TimeSpan.FromTicks(nanoseconds / 100)
                    : null;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>Removes the groups (retrying briefly while the last processes are reaped); a group that stays busy is left to the system.</summary>
    public void Dispose()
    {
        foreach (string group in _groups)
        {
            for (int attempt = 0; attempt < 20 && Directory.Exists(group); attempt++)
            {
                try
                {
                    Directory.Delete(group);
                }
                catch (IOException)
                {
                    Thread.Sleep(50);
                }
            }
        }
    }

    /// <summary>Creates <paramref name="name"/> under this process's own group of <paramref name="controller"/>.</summary>
    private static string Make(string controller, string name, List<string> made)
    {
        string group = Path.Combine(Root, controller, OwnPath(controller).TrimStart('/'), name);
        Directory.CreateDirectory(group);
        made.Add(group);
        return group;
    }

    /// <summary>This process's group path in the hierarchy of <paramref name="controller"/>, from /proc/self/cgroup.</summary>
    private static string OwnPath(string controller)
    {
        foreach (string line in File.ReadAllLines("/proc/self/cgroup"))
        {
            string[] parts = line.Split(':', 3);
            if (parts.Length == 3 && parts[1].Split(',').Contains(controller)) return parts[2];
        }
        throw new IOException($"no {controller} hierarchy in /proc/self/cgroup");
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("LAB_NO_SANDBOX") is { Length: > 0 }) return false;
        if (!new[] { "pids", "memory", "cpuacct" }.All(c => Directory.Exists(Path.Combine(Root, c)))) return false;
        string name = $"lab-probe-{Environment.ProcessId}";
        var made = new List<string>();
        try
        {
            foreach (string controller in new[] { "pids", "memory", "cpuacct" }) Make(controller, name, made);
            return made.All(g => File.Exists(Path.Combine(g, "cgroup.procs")));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            new WorkerCgroup(made).Dispose();
        }
    }
}
