namespace Lab.Cli.Terminal;

/// <summary>One progress snapshot of a long command: how far it is, out of how much, and what it is doing now.</summary>
public readonly record struct ProgressUpdate(double Done, double Total, string Detail);
