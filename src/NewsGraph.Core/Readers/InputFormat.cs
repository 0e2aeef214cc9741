namespace NewsGraph.Core.Readers;

public enum InputFormat
{
    Unknown,
    Empty,
    Binary,
    PageDump,
    Html,
    Feed,
    Warc,
    JsonLines,
}
