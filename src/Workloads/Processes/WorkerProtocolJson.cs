using System.Text.Json.Serialization;

namespace Lab.Workloads.Processes;

/// <summary>Compile-time JSON contracts for the pipe protocol, so neither side pays for reflection on every message.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WorkRequest))]
[JsonSerializable(typeof(WorkResponse))]
[JsonSerializable(typeof(WorkerReady))]
public sealed partial class WorkerProtocolJson : JsonSerializerContext;
