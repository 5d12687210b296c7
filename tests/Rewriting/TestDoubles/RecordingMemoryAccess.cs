namespace Lab.Rewriting.Tests.TestDoubles;

/// <summary>Memory-access hooks with the engine's signatures that record each access instead of scheduling.</summary>
public static class RecordingMemoryAccess
{
    /// <summary>Records a field read.</summary>
    public static void ReadField(object? owner, string field, string callerFile, int callerLine) => StandInLog.Add("ReadField", field, callerFile, callerLine, owner);

    /// <summary>Records a field write.</summary>
    public static void WriteField(object? owner, string field, string callerFile, int callerLine) => StandInLog.Add("WriteField", field, callerFile, callerLine, owner);

    /// <summary>Records an element read.</summary>
    public static void ReadElement(Array array, int index, string callerFile, int callerLine) => StandInLog.Add("ReadElement", null, callerFile, callerLine, array, index);

    /// <summary>Records an element write.</summary>
    public static void WriteElement(Array array, int index, string callerFile, int callerLine) => StandInLog.Add("WriteElement", null, callerFile, callerLine, array, index);

    /// <summary>Records a reading collection call.</summary>
    public static void ReadCollection(object collection, string member, string callerFile, int callerLine) => StandInLog.Add("ReadCollection", member, callerFile, callerLine, collection);

    /// <summary>Records a writing collection call.</summary>
    public static void WriteCollection(object collection, string member, string callerFile, int callerLine) => StandInLog.Add("WriteCollection", member, callerFile, callerLine, collection);
}
