using System.Text.RegularExpressions;

namespace Lab.Systematic.Traces;

/// <summary>
/// A step's recorded text taken apart ("Enter(fork0) blocks" → action Enter, resource fork0, outcome blocks), so the
/// timeline can label it, colour it by kind and follow lock holds. Works on live steps and on steps read back from a
/// trace file alike, since both describe themselves with <see cref="StepRecord.Describe"/>.
/// </summary>
internal sealed partial record StepText(string Action, string Resource, string Outcome, string Value)
{
    /// <summary>Takes <paramref name="description"/> apart; text it does not recognise becomes the action.</summary>
    public static StepText Parse(string description)
    {
        Match match = Shape().Match(description);
        if (!match.Success) return new StepText(description, "", "", "");
        string action = match.Groups["action"].Value;
        string resource = match.Groups["resource"].Value;
        string rest = match.Groups["rest"].Value;
        if (resource.Length == 0 && action is "read" or "write" && rest.StartsWith(' '))
        {
            Match variable = Variable().Match(rest);
            resource = variable.Groups["name"].Value;
            rest = rest[variable.Length..];
        }
        int equals = rest.IndexOf(" = ", StringComparison.Ordinal);
        string value = equals >= 0 ? rest[(equals + 3)..].Trim() : "";
        string outcome = (equals >= 0 ? rest[..equals] : rest).Trim();
        return new StepText(action, resource, outcome, value);
    }

    /// <summary>True when the operation could not go on at this step and waited.</summary>
    public bool Blocks => Outcome == "blocks";

    /// <summary>What kind of step this is, for its colour: lock, memory, signal, thread, monitor or other; "blocked" wins.</summary>
    public string Category => Blocks ? "blocked" : Action switch
    {
        "read" or "write" or "Volatile.Read" or "Volatile.Write" => "memory",
        _ when Action.StartsWith("Interlocked.", StringComparison.Ordinal) => "memory",
        "Enter" or "TryEnter" or "Exit" or "EnterReadLock" or "ExitReadLock" or "EnterWriteLock" or "ExitWriteLock"
            or "TryEnterReadLock" or "TryEnterWriteLock" or "EnterUpgradeableReadLock" or "ExitUpgradeableReadLock" => "lock",
        "Wait" or "Pulse" or "PulseAll" or "Release" or "Set" or "Reset" or "WaitOne" or "Signal" or "SignalAndWait"
            or "AddParticipant" or "RemoveParticipant" or "passed" => "signal",
        "Start" or "Join" or "Yield" or "Sleep" => "thread",
        "hot" or "cold" or "entered" or "waiting" or "left" => "monitor",
        _ => "other",
    };

    /// <summary>
    /// Labels from longest to shortest ("Enter fork0 blocks", "Enter fork0", "fork0"): the timeline shows the first
    /// one that fits the room the step has, and the full text on focus.
    /// </summary>
    public IReadOnlyList<string> Labels()
    {
        string head = Resource.Length == 0 ? Action : $"{Action} {Resource}";
        string full = head + (Outcome.Length > 0 ? " " + Outcome : "") + (Value.Length > 0 ? " = " + Value : "");
        var labels = new List<string> { full };
        if (head != full) labels.Add(head);
        string shortResource = ShortName(Resource);
        if (shortResource != Resource) labels.Add($"{Action} {shortResource}");
        return labels;
    }

    /// <summary>The last part of a dotted name ("Table._fork0" → "_fork0"), which is what fits in a narrow step.</summary>
    public static string ShortName(string name)
    {
        int dot = name.LastIndexOf('.');
        return dot >= 0 && dot < name.Length - 1 && !name.Contains(' ') ? name[(dot + 1)..] : name;
    }

    [GeneratedRegex(@"^(?<action>[A-Za-z_][A-Za-z0-9_.]*)(?:\((?<resource>[^)]*)\))?(?<rest>.*)$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^ (?<name>\S+)")]
    private static partial Regex Variable();
}
