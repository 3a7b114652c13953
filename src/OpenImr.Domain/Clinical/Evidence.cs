namespace OpenImr.Domain.Clinical;

/// <summary>
/// Where a fact was read (CONTRACTS.md <c>evidence</c>): <see cref="Start"/> and <see cref="End"/>
/// are character offsets into the original text of <c>documents[Document]</c>, end exclusive, and
/// <see cref="Quote"/> is exactly that slice of the original text.
/// </summary>
public sealed record Evidence(int Document, int Start, int End, string Quote);
