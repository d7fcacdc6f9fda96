namespace Observability.Internal;

/// <summary>A request the <see cref="ApiHostOnlyHandler"/> refused to send to another host; its message names the hosts only.</summary>
internal sealed class RedirectRefusedException(string message) : HttpRequestException(message);
