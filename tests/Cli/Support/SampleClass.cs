namespace Lab.Cli.Tests.Support;

/// <summary>
/// A sample class of 30 students across every exercise, made of the sample submissions (tests/Cli/Samples) and the
/// untouched starters (exercises/): a manifest, materialised into a folder on demand, so the class follows the samples
/// when they change. Shared by the grading tests and <c>tools/Benchmarks -- grade</c>.
/// </summary>
public static class SampleClass
{
    /// <summary>The prefix of a manifest entry naming a starter from exercises/ rather than a sample folder.</summary>
    public const string Starter = "starter";

    /// <summary>
    /// Each student and what they hand in: "folder/File.cs" from the samples, "folder/*" for every file of it,
    /// "starter/..." the same from exercises/; a later entry replaces an earlier one of the same file name.
    /// </summary>
    public static IReadOnlyList<(string Student, string Files)> Manifest { get; } =
    [
        ("ada", "correct/*"),
        ("alan", "correct/* still-buggy/Counter.cs"),
        ("barbara", "correct/*"),
        ("brian", "starter/*"),
        ("charles", "correct/* over-serialised/Bank.cs"),
        ("dennis", "correct/*"),
        ("donald", "correct/* does-not-compile/Counter.cs"),
        ("edsger", "correct/*"),
        ("frances", "correct/Counter.cs correct/Bank.cs correct/Accounts.cs starter/BlockingQueue.cs starter/DiningTable.cs starter/ReadWriteLock.cs"),
        ("grace", "correct/*"),
        ("guido", "correct/* still-buggy/Counter.cs"),
        ("hedy", "correct/* hangs/Counter.cs"),
        ("ivan", "correct/*"),
        ("james", "starter/*"),
        ("john", "correct/* over-serialised/Bank.cs"),
        ("ken", "correct/*"),
        ("leslie", "correct/Counter.cs correct/Bank.cs"),
        ("linus", "correct/* overflows-the-stack/Counter.cs"),
        ("margaret", "correct/*"),
        ("niklaus", "correct/* still-buggy/Counter.cs"),
        ("ole-johan", "correct/*"),
        ("per", "correct/Counter.cs correct/Bank.cs correct/Accounts.cs starter/BlockingQueue.cs starter/DiningTable.cs starter/ReadWriteLock.cs"),
        ("radia", "correct/*"),
        ("robin", "correct/* does-not-compile/Counter.cs"),
        ("shafi", "starter/*"),
        ("sophie", "correct/* over-serialised/Bank.cs"),
        ("tony", "correct/*"),
        ("trygve", "correct/* still-buggy/Counter.cs"),
        ("tu-youyou", "correct/Counter.cs correct/Bank.cs"),
        ("yukihiro", "correct/*"),
    ];

    /// <summary>
    /// Writes one folder per student of the <see cref="Manifest"/> into <paramref name="into"/>, copying from
    /// <paramref name="samples"/> and <paramref name="starters"/>; returns <paramref name="into"/>. An entry naming a file
    /// that is not there throws, naming the entry.
    /// </summary>
    public static string Materialise(string samples, string starters, string into)
    {
        foreach ((string student, string files) in Manifest)
        {
            var chosen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string entry in files.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (string source in Sources(entry, samples, starters)) chosen[Path.GetFileName(source)] = source;
            }
            string folder = Directory.CreateDirectory(Path.Combine(into, student)).FullName;
            foreach ((string name, string source) in chosen) File.Copy(source, Path.Combine(folder, name));
        }
        return into;
    }

    private static IEnumerable<string> Sources(string entry, string samples, string starters)
    {
        string[] parts = entry.Split('/');
        if (parts.Length != 2) throw new InvalidOperationException($"sample class entry '{entry}' is not folder/File.cs or folder/*");
        string folder = parts[0] == Starter ? starters : Path.Combine(samples, parts[0]);
        string[] found = parts[1] == "*"
            ? Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).ToArray() : []
            : File.Exists(Path.Combine(folder, parts[1])) ? [Path.Combine(folder, parts[1])] : [];
        return found.Length > 0 ? found : throw new InvalidOperationException($"sample class entry '{entry}' names no file (looked in {folder})");
    }
}
