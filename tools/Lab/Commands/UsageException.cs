namespace Lab.Cli.Commands;

/// <summary>A mistake in the command line or its input: reported as a plain message with exit code 1, never as a stack trace.</summary>
public sealed class UsageException(string message) : Exception(message);
