using System.IO.Compression;
using System.Runtime.InteropServices;

namespace NewsGraph.Core.Readers;

/// <summary>
/// Decompresses gzip data of one or many members (Common Crawl writes one member per record)
/// and, unlike .NET's GZipStream, notices when the data stops in the middle of a member: a
/// truncated download must be reported, not silently read as a shorter file. Inflates with
/// the zlib-ng that ships inside the .NET runtime where its exports are present (about twice
/// as fast as the system zlib on crawl files), else with the system zlib; where there is
/// neither, falls back to GZipStream without the truncation check.
/// </summary>
public sealed unsafe class GzipMemberStream : Stream
{
    private const int InputSize = 1 << 16;
    private const int ZOk = 0, ZStreamEnd = 1, ZBufError = -5;
    private const int GzipWindowBits = 15 + 16; // a gzip wrapper with the largest window

    // zlib's z_stream on 64-bit Unix: pointers and uLong are 8 bytes.
    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public nuint TotalIn;
        public byte* NextOut;
        public uint AvailOut;
        public nuint TotalOut;
        public sbyte* Msg;
        public nint State;
        public nint ZAlloc, ZFree, Opaque;
        public int DataType;
        public nuint Adler, Reserved;
    }

    // The .NET runtime's own wrapper around its zlib-ng (PAL_ZStream in System.IO.Compression.Native).
    [StructLayout(LayoutKind.Sequential)]
    private struct PalZStream
    {
        public byte* NextIn;
        public byte* NextOut;
        public sbyte* Msg;
        public nint State;
        public uint AvailIn;
        public uint AvailOut;
    }

    /// <summary>One zlib implementation: its entry points, and whether it takes the runtime's stream layout.</summary>
    private sealed class Backend
    {
        public bool Pal;
        public delegate* unmanaged<void*, int, int> Inflate;
        public delegate* unmanaged<void*, int> InflateEnd;
        public delegate* unmanaged<void*, int, int> PalInit;   // (stream, windowBits)
        public delegate* unmanaged<void*, int, int> PalReset;  // (stream, windowBits)
        public delegate* unmanaged<void*, int, byte*, int, int> ZInit; // (stream, windowBits, version, size)
        public delegate* unmanaged<void*, int> ZReset;
    }

    private static readonly Lazy<Backend?> Inflater = new(FindBackend);

    private static Backend? FindBackend()
    {
        if (!Environment.Is64BitProcess) return null;
        // The runtime's zlib-ng first: it lives beside System.IO.Compression.dll.
        var runtimeDir = Path.GetDirectoryName(typeof(GZipStream).Assembly.Location);
        string[] palNames = OperatingSystem.IsWindows() ? ["System.IO.Compression.Native.dll"]
            : OperatingSystem.IsMacOS() ? ["libSystem.IO.Compression.Native.dylib"] : ["libSystem.IO.Compression.Native.so"];
        foreach (var name in palNames)
        {
            if (string.IsNullOrEmpty(runtimeDir) || !NativeLibrary.TryLoad(Path.Combine(runtimeDir, name), out var lib)) continue;
            if (NativeLibrary.TryGetExport(lib, "CompressionNative_InflateInit2_", out var init)
                && NativeLibrary.TryGetExport(lib, "CompressionNative_Inflate", out var inflate)
                && NativeLibrary.TryGetExport(lib, "CompressionNative_InflateReset2_", out var reset)
                && NativeLibrary.TryGetExport(lib, "CompressionNative_InflateEnd", out var end))
                return new Backend
                {
                    Pal = true,
                    PalInit = (delegate* unmanaged<void*, int, int>)init,
                    Inflate = (delegate* unmanaged<void*, int, int>)inflate,
                    PalReset = (delegate* unmanaged<void*, int, int>)reset,
                    InflateEnd = (delegate* unmanaged<void*, int>)end,
                };
        }
        // The system zlib: its z_stream layout is the 64-bit Unix one above.
        if (OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libz.so.1", out var z)
            && NativeLibrary.TryGetExport(z, "inflateInit2_", out var zInit)
            && NativeLibrary.TryGetExport(z, "inflate", out var zInflate)
            && NativeLibrary.TryGetExport(z, "inflateReset", out var zReset)
            && NativeLibrary.TryGetExport(z, "inflateEnd", out var zEnd))
            return new Backend
            {
                Pal = false,
                ZInit = (delegate* unmanaged<void*, int, byte*, int, int>)zInit,
                Inflate = (delegate* unmanaged<void*, int, int>)zInflate,
                ZReset = (delegate* unmanaged<void*, int>)zReset,
                InflateEnd = (delegate* unmanaged<void*, int>)zEnd,
            };
        return null;
    }

    private readonly Stream _input;
    private readonly Backend _zlib;
    private void* _z;
    private byte* _in;
    private bool _inputEnded, _memberOpen, _done;
    private long _members;

    private GzipMemberStream(Stream input, Backend zlib)
    {
        _input = input;
        _zlib = zlib;
        _z = NativeMemory.AllocZeroed((nuint)(zlib.Pal ? sizeof(PalZStream) : sizeof(ZStream)));
        _in = (byte*)NativeMemory.Alloc(InputSize);
        int rc;
        if (zlib.Pal) rc = zlib.PalInit(_z, GzipWindowBits);
        else
        {
            var version = "1.2.11\0"u8;
            fixed (byte* v = version) rc = zlib.ZInit(_z, GzipWindowBits, v, sizeof(ZStream));
        }
        if (rc != ZOk)
        {
            Free();
            throw new InvalidDataException("zlib could not start inflating");
        }
    }

    /// <summary>A decompressing stream over <paramref name="input"/>, strict about truncation where zlib is present.</summary>
    public static Stream Open(Stream input) =>
        Inflater.Value is { } zlib ? new GzipMemberStream(input, zlib) : new GZipStream(input, CompressionMode.Decompress);

    private uint AvailIn
    {
        get => _zlib.Pal ? ((PalZStream*)_z)->AvailIn : ((ZStream*)_z)->AvailIn;
        set { if (_zlib.Pal) ((PalZStream*)_z)->AvailIn = value; else ((ZStream*)_z)->AvailIn = value; }
    }

    private byte* NextIn
    {
        get => _zlib.Pal ? ((PalZStream*)_z)->NextIn : ((ZStream*)_z)->NextIn;
        set { if (_zlib.Pal) ((PalZStream*)_z)->NextIn = value; else ((ZStream*)_z)->NextIn = value; }
    }

    private void SetOutput(byte* next, uint avail)
    {
        if (_zlib.Pal) { ((PalZStream*)_z)->NextOut = next; ((PalZStream*)_z)->AvailOut = avail; }
        else { ((ZStream*)_z)->NextOut = next; ((ZStream*)_z)->AvailOut = avail; }
    }

    private uint AvailOut => _zlib.Pal ? ((PalZStream*)_z)->AvailOut : ((ZStream*)_z)->AvailOut;
    private sbyte* Msg => _zlib.Pal ? ((PalZStream*)_z)->Msg : ((ZStream*)_z)->Msg;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_done || buffer.IsEmpty) return 0;
        ObjectDisposedException.ThrowIf(_z is null, this);
        fixed (byte* outPtr = buffer)
        {
            while (true)
            {
                if (AvailIn == 0 && !_inputEnded) Fill();
                if (AvailIn == 0 && _inputEnded)
                {
                    _done = true;
                    if (_memberOpen)
                        throw new InvalidDataException($"gzip data is truncated: it ends inside member {_members + 1}");
                    return 0;
                }
                if (!_memberOpen)
                {
                    // Between members: what follows must be another gzip header (tools ignore trailing padding of zeros).
                    if (NextIn[0] != 0x1F)
                    {
                        if (_members > 0 && AllZero(NextIn, AvailIn)) { AvailIn = 0; continue; }
                        _done = true;
                        if (_members == 0) throw new InvalidDataException("not gzip data");
                        return 0; // trailing garbage after complete members, as gunzip does: keep what was read
                    }
                    _memberOpen = true;
                }
                SetOutput(outPtr, (uint)buffer.Length);
                int rc = _zlib.Inflate(_z, 0);
                int produced = buffer.Length - (int)AvailOut;
                if (rc == ZStreamEnd)
                {
                    _memberOpen = false;
                    _members++;
                    if (_zlib.Pal) _zlib.PalReset(_z, GzipWindowBits);
                    else _zlib.ZReset(_z);
                }
                else if (rc != ZOk && rc != ZBufError)
                {
                    var message = Msg is null ? $"zlib error {rc}" : new string(Msg);
                    _done = true;
                    throw new InvalidDataException($"corrupt gzip data in member {_members + 1}: {message}");
                }
                if (produced > 0) return produced;
            }
        }
    }

    private void Fill()
    {
        var span = new Span<byte>(_in, InputSize);
        int n = _input.Read(span);
        if (n <= 0)
        {
            _inputEnded = true;
            return;
        }
        NextIn = _in;
        AvailIn = (uint)n;
    }

    private static bool AllZero(byte* p, uint n)
    {
        for (uint i = 0; i < n; i++) if (p[i] != 0) return false;
        return true;
    }

    private void Free()
    {
        if (_in is not null) NativeMemory.Free(_in);
        if (_z is not null) NativeMemory.Free(_z);
        _in = null;
        _z = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (_z is not null)
        {
            _zlib.InflateEnd(_z);
            Free();
        }
        if (disposing) _input.Dispose();
        base.Dispose(disposing);
    }

    ~GzipMemberStream() => Dispose(false);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
