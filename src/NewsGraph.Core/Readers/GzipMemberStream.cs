using System.IO.Compression;
using System.Runtime.InteropServices;

namespace NewsGraph.Core.Readers;

/// <summary>
/// Decompresses gzip data of one or many members (Common Crawl writes one member per record)
/// and, unlike .NET's GZipStream, notices when the data stops in the middle of a member: a
/// truncated download must be reported, not silently read as a shorter file. Uses the system
/// zlib; where there is none, falls back to GZipStream without that check.
/// </summary>
public sealed unsafe class GzipMemberStream : Stream
{
    private const int InputSize = 1 << 16;
    private const int ZOk = 0, ZStreamEnd = 1, ZBufError = -5;

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

    [DllImport("libz.so.1", EntryPoint = "inflateInit2_")]
    private static extern int InflateInit2(ZStream* strm, int windowBits, byte* version, int streamSize);
    [DllImport("libz.so.1", EntryPoint = "inflate")]
    private static extern int Inflate(ZStream* strm, int flush);
    [DllImport("libz.so.1", EntryPoint = "inflateReset")]
    private static extern int InflateReset(ZStream* strm);
    [DllImport("libz.so.1", EntryPoint = "inflateEnd")]
    private static extern int InflateEnd(ZStream* strm);

    private static readonly Lazy<bool> ZlibAvailable = new(() =>
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess) return false;
        return NativeLibrary.TryLoad("libz.so.1", out _);
    });

    private readonly Stream _input;
    private ZStream* _z;
    private byte* _in;
    private bool _inputEnded, _memberOpen, _done;
    private long _members;

    private GzipMemberStream(Stream input)
    {
        _input = input;
        _z = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        _in = (byte*)NativeMemory.Alloc(InputSize);
        var version = "1.2.11\0"u8;
        fixed (byte* v = version)
        {
            // 15 + 16: a gzip wrapper with the largest window.
            if (InflateInit2(_z, 15 + 16, v, sizeof(ZStream)) != ZOk)
            {
                Free();
                throw new InvalidDataException("zlib could not start inflating");
            }
        }
    }

    /// <summary>A decompressing stream over <paramref name="input"/>, strict about truncation where zlib is present.</summary>
    public static Stream Open(Stream input) =>
        ZlibAvailable.Value ? new GzipMemberStream(input) : new GZipStream(input, CompressionMode.Decompress);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_done || buffer.IsEmpty) return 0;
        ObjectDisposedException.ThrowIf(_z is null, this);
        fixed (byte* outPtr = buffer)
        {
            while (true)
            {
                if (_z->AvailIn == 0 && !_inputEnded) Fill();
                if (_z->AvailIn == 0 && _inputEnded)
                {
                    _done = true;
                    if (_memberOpen)
                        throw new InvalidDataException($"gzip data is truncated: it ends inside member {_members + 1}");
                    return 0;
                }
                if (!_memberOpen)
                {
                    // Between members: what follows must be another gzip header (tools ignore trailing padding of zeros).
                    if (_z->NextIn[0] != 0x1F)
                    {
                        if (_members > 0 && AllZero(_z->NextIn, _z->AvailIn)) { _z->AvailIn = 0; continue; }
                        _done = true;
                        if (_members == 0) throw new InvalidDataException("not gzip data");
                        return 0; // trailing garbage after complete members, as gunzip does: keep what was read
                    }
                    _memberOpen = true;
                }
                _z->NextOut = outPtr;
                _z->AvailOut = (uint)buffer.Length;
                int rc = Inflate(_z, 0);
                int produced = buffer.Length - (int)_z->AvailOut;
                if (rc == ZStreamEnd)
                {
                    _memberOpen = false;
                    _members++;
                    InflateReset(_z);
                }
                else if (rc != ZOk && rc != ZBufError)
                {
                    var message = _z->Msg is null ? $"zlib error {rc}" : new string(_z->Msg);
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
        _z->NextIn = _in;
        _z->AvailIn = (uint)n;
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
            InflateEnd(_z);
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
