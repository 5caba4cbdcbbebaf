namespace AgentTestGuard.History.Store;

/// <summary>The store cannot be used: written by a newer version, unreachable, or not a history.</summary>
internal sealed class HistoryStoreException(string message, Exception? inner = null) : Exception(message, inner);
