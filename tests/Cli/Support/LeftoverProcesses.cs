namespace Lab.Cli.Tests.Support;

/// <summary>Finds processes still running whose command line mentions a text, to check that grading left none behind.</summary>
public static class LeftoverProcesses
{
    /// <summary>The ids and command lines of live processes (other than this one) whose command line contains <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Mentioning(string text)
    {
        if (!OperatingSystem.IsLinux()) return [];
        var found = new List<string>();
        foreach (string directory in Directory.GetDirectories("/proc"))
        {
            string name = Path.GetFileName(directory);
            if (!int.TryParse(name, out int pid) || pid == Environment.ProcessId) continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                string state = File.ReadAllText(Path.Combine(directory, "stat"));
                if (state[(state.LastIndexOf(')') + 2)..].StartsWith('Z')) continue;
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (commandLine.Contains(text, StringComparison.Ordinal)) found.Add($"{pid}: {commandLine}");
        }
        return found;
    }
}
