using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsGraph.Core.Tests.Fetching;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 for fetch tests: each path answers as its handler
/// says (status, headers, body, a stall before answering), and every request is recorded
/// with the moment it arrived, so tests measure politeness on the server's side. One request
/// per connection; it stops when disposed.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, TimeSpan ArrivedAt)
    {
        public string? Header(string name) => Headers.GetValueOrDefault(name);
    }

    public sealed record Response(int Status, byte[] Body, string ContentType = "text/html; charset=utf-8")
    {
        public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);
        /// <summary>How long to wait before sending anything (a slow server).</summary>
        public TimeSpan Stall { get; init; }
        /// <summary>Send the body without Content-Length, as chunks (so only reading it shows its size).</summary>
        public bool Chunked { get; init; }

        public static Response Text(int status, string body, string contentType = "text/html; charset=utf-8") => new(status, Encoding.UTF8.GetBytes(body), contentType);
        public static Response NotModified() => new(304, []);

        public Response WithHeader(string name, string value)
        {
            var copy = this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) };
            copy.Headers[name] = value;
            return copy;
        }
    }

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<Request, Response>> _routes = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    public LocalHttpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoop);
    }

    public int Port { get; }
    /// <summary>The server's clock, on which <see cref="Request.ArrivedAt"/> is measured.</summary>
    public TimeSpan Now => _clock.Elapsed;
    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";
    public ConcurrentQueue<Request> Requests { get; } = new();
    public List<Request> RequestsFor(string path) => Requests.Where(r => r.Path == path).ToList();

    public void Route(string path, Func<Request, Response> handler) => _routes[path] = handler;
    public void Route(string path, Response response) => _routes[path] = _ => response;

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequest(stream);
                if (request is null) return;
                Requests.Enqueue(request);
                var response = _routes.TryGetValue(request.Path, out var handler) ? handler(request) : Response.Text(404, "<h1>Not found</h1>");
                if (response.Stall > TimeSpan.Zero) await Task.Delay(response.Stall, _stop.Token);
                await Write(stream, response);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up (a timeout test) or the server is stopping.
            }
        }
    }

    private async Task<Request?> ReadRequest(NetworkStream stream)
    {
        var buffer = new byte[64 << 10];
        int length = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (length < buffer.Length)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token);
            if (n == 0) return null;
            length += n;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var arrived = _clock.Elapsed;
            var lines = text[..end].Split("\r\n");
            var first = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                int colon = line.IndexOf(':');
                if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
            return new Request(first[0], first.Length > 1 ? first[1] : "/", headers, arrived);
        }
        return null;
    }

    private static async Task Write(NetworkStream stream, Response response)
    {
        var head = new StringBuilder();
        head.Append($"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n");
        if (response.Status != 304) head.Append($"Content-Type: {response.ContentType}\r\n");
        foreach (var (name, value) in response.Headers) head.Append($"{name}: {value}\r\n");
        if (response.Chunked) head.Append("Transfer-Encoding: chunked\r\n");
        else head.Append($"Content-Length: {response.Body.Length}\r\n");
        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (response.Chunked)
        {
            for (int i = 0; i < response.Body.Length; i += 4096)
            {
                int n = Math.Min(4096, response.Body.Length - i);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{n:x}\r\n"));
                await stream.WriteAsync(response.Body.AsMemory(i, n));
                await stream.WriteAsync("\r\n"u8.ToArray());
            }
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        else await stream.WriteAsync(response.Body);
        await stream.FlushAsync();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK", 301 => "Moved Permanently", 302 => "Found", 304 => "Not Modified", 404 => "Not Found", 429 => "Too Many Requests",
        500 => "Internal Server Error", 503 => "Service Unavailable", _ => "Status",
    };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
