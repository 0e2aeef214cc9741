namespace NewsGraph.Storage;

/// <summary>The store cannot be opened or used, for a reason to tell the user in one line.</summary>
public sealed class StoreException(string message) : Exception(message);
