using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Cybrid.Analyzers.Internal.TypeSymbols;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>The logging libraries and BCL writers <see cref="LoggingSinks"/> recognises.</summary>
    internal enum LogSinkFamily
    {
        None,

        /// <summary>Microsoft.Extensions.Logging: <c>LoggerExtensions.Log*</c>/<c>BeginScope</c>, <c>ILogger.Log</c>/<c>BeginScope</c>.</summary>
        MicrosoftLogging,

        /// <summary>A partial method marked <c>[LoggerMessage]</c> (source-generated logging).</summary>
        LoggerMessage,

        /// <summary><c>Console.Write*</c>, <c>Console.Out.Write*</c>, <c>Console.Error.Write*</c>.</summary>
        Console,

        /// <summary><c>System.Diagnostics.Debug</c> and <c>Trace</c> writers.</summary>
        DebugTrace,

        /// <summary>Serilog: the static <c>Log</c>, <c>Serilog.ILogger</c>, <c>LogContext.PushProperty</c>.</summary>
        Serilog,

        /// <summary>NLog: <c>Logger</c>, <c>ILogger</c>, <c>ILoggerBase</c>.</summary>
        NLog,

        /// <summary>log4net: <c>ILog</c>.</summary>
        Log4Net,
    }

    /// <summary>A recognised logging call.</summary>
    internal readonly struct LogSink
    {
        public LogSink(LogSinkFamily family, string display)
        {
            Family = family;
            Display = display;
        }

        public LogSinkFamily Family { get; }

        /// <summary>How the message names the call: <c>ILogger.LogInformation</c>, <c>Console.WriteLine</c>, …</summary>
        public string Display { get; }

        /// <summary>
        /// True when the library keeps the arguments as structured values that a provider may serialize
        /// (message-template arguments, scopes, [LoggerMessage] parameters), not only their ToString().
        /// </summary>
        public bool IsStructured
            => Family == LogSinkFamily.MicrosoftLogging || Family == LogSinkFamily.LoggerMessage
               || Family == LogSinkFamily.Serilog || Family == LogSinkFamily.NLog;

        /// <summary>True when the library reads a message template (<c>{Name}</c> placeholders) from a string argument.</summary>
        public bool HasMessageTemplate
            => Family == LogSinkFamily.MicrosoftLogging || Family == LogSinkFamily.Serilog || Family == LogSinkFamily.NLog;
    }

    /// <summary>
    /// CYB0006: recognises logging calls by the type that declares the called method, resolved once per
    /// compilation. Method names are checked first, before the declaring type is read, so that most invocations
    /// cost one string switch and two type tests.
    /// </summary>
    internal sealed class LoggingSinks
    {
        private const string SerilogLogName = "Serilog.Log";
        private const string SerilogILoggerName = "Serilog.ILogger";
        private const string SerilogLogContextName = "Serilog.Context.LogContext";
        private const string NLogLoggerName = "NLog.Logger";
        private const string NLogILoggerName = "NLog.ILogger";
        private const string NLogILoggerBaseName = "NLog.ILoggerBase";
        private const string Log4NetILogName = "log4net.ILog";
        private const string TextWriterName = "System.IO.TextWriter";

        private readonly INamedTypeSymbol? _console;
        private readonly INamedTypeSymbol? _textWriter;
        private readonly INamedTypeSymbol? _debug;
        private readonly INamedTypeSymbol? _trace;
        private readonly INamedTypeSymbol? _melLogger;
        private readonly INamedTypeSymbol? _melLoggerExtensions;
        private readonly INamedTypeSymbol? _loggerMessageAttribute;
        private readonly INamedTypeSymbol? _serilogLog;
        private readonly INamedTypeSymbol? _serilogLogger;
        private readonly INamedTypeSymbol? _serilogLogContext;
        private readonly INamedTypeSymbol? _nlogLogger;
        private readonly INamedTypeSymbol? _nlogILogger;
        private readonly INamedTypeSymbol? _nlogILoggerBase;
        private readonly INamedTypeSymbol? _log4netLog;

        public LoggingSinks(Compilation compilation)
        {
            var types = WellKnownTypes.GetOrCreate(compilation);
            _console = types.Get(WellKnownTypeNames.Console);
            _textWriter = types.Get(TextWriterName);
            _debug = types.Get(WellKnownTypeNames.Debug);
            _trace = types.Get(WellKnownTypeNames.Trace);
            _melLogger = types.Get(WellKnownTypeNames.ILogger);
            _melLoggerExtensions = types.Get(WellKnownTypeNames.LoggerExtensions);
            _loggerMessageAttribute = types.Get(WellKnownTypeNames.LoggerMessageAttribute);
            _serilogLog = types.Get(SerilogLogName);
            _serilogLogger = types.Get(SerilogILoggerName);
            _serilogLogContext = types.Get(SerilogLogContextName);
            _nlogLogger = types.Get(NLogLoggerName);
            _nlogILogger = types.Get(NLogILoggerName);
            _nlogILoggerBase = types.Get(NLogILoggerBaseName);
            _log4netLog = types.Get(Log4NetILogName);
        }

        /// <summary>False when the compilation sees none of the sinks: the rule then registers nothing.</summary>
        public bool Any
            => _console != null || _debug != null || _trace != null || _melLogger != null || _melLoggerExtensions != null
               || _loggerMessageAttribute != null || _serilogLog != null || _serilogLogger != null || _nlogLogger != null
               || _nlogILogger != null || _log4netLog != null;

        public bool TryIdentify(IInvocationOperation invocation, out LogSink sink)
        {
            // What the operation itself holds first (a call without arguments writes nothing), then its type, then
            // the name: most invocations are business calls whose name is no sink's, and (outside [LoggerMessage]) are
            // rejected without reading the declaring type.
            sink = default;
            if (invocation.Arguments.IsEmpty || !MayBeSinkResult(invocation.Type))
            {
                return false;
            }

            var method = invocation.TargetMethod;
            INamedTypeSymbol? type;
            switch (method.Name)
            {
                case "Write":
                case "WriteLine":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TryConsole(invocation, method, type, out sink)
                           || TryDebugOrTrace(method, type, out sink)
                           || TrySerilog(method, type, out sink);
                case "WriteAsync":
                case "WriteLineAsync":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TryConsole(invocation, method, type, out sink);
                case "WriteIf":
                case "WriteLineIf":
                case "Print":
                case "Fail":
                case "TraceInformation":
                case "TraceWarning":
                case "TraceError":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TryDebugOrTrace(method, type, out sink);
                case "LogTrace":
                case "LogDebug":
                case "LogInformation":
                case "LogWarning":
                case "LogError":
                case "LogCritical":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TryMicrosoftLogging(method, type, out sink);
                case "Log":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TryMicrosoftLogging(method, type, out sink) || TryNLog(method, type, out sink);
                case "BeginScope":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TryMicrosoftLogging(method, type, out sink);
                case "Verbose":
                case "Information":
                case "Warning":
                case "ForContext":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TrySerilog(method, type, out sink);
                case "PushProperty":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    if (Is(type, _serilogLogContext))
                    {
                        sink = new LogSink(LogSinkFamily.Serilog, "Serilog LogContext.PushProperty");
                        return true;
                    }

                    return false;
                case "Debug":
                case "Error":
                case "Fatal":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TrySerilog(method, type, out sink) || TryNLog(method, type, out sink) || TryLog4Net(method, type, out sink);
                case "Info":
                case "Warn":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TryNLog(method, type, out sink) || TryLog4Net(method, type, out sink);
                case "Trace":
                case "ConditionalDebug":
                case "ConditionalTrace":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TryNLog(method, type, out sink);
                case "DebugFormat":
                case "InfoFormat":
                case "WarnFormat":
                case "ErrorFormat":
                case "FatalFormat":
                    if ((type = method.ContainingType) == null)
                    {
                        return false;
                    }

                    return TryLog4Net(method, type, out sink);
                default:
                    // a [LoggerMessage] method; the declaring type (a method without one is no sink) is read only
                    // for a partial definition, which is rare
                    if (TryLoggerMessage(method, out sink) && method.ContainingType != null)
                    {
                        return true;
                    }

                    sink = default;
                    return false;
            }
        }

        /// <summary>
        /// False when a call whose value has type <paramref name="result"/> can be no sink. Every sink method returns
        /// void, except <c>BeginScope</c>, <c>LogContext.PushProperty</c> and Serilog's <c>ForContext</c> (an
        /// interface) and <c>TextWriter.WriteAsync</c>/<c>WriteLineAsync</c> (<c>Task</c>). The call's type is held by the
        /// operation, and most calls of business code (those that return a value) stop here without the target method
        /// being read.
        /// </summary>
        private static bool MayBeSinkResult(ITypeSymbol? result)
            => result == null
               || result.SpecialType == SpecialType.System_Void
               || result.TypeKind == TypeKind.Interface
               || result.Name == "Task";

        private bool TryConsole(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type, out LogSink sink)
        {
            sink = default;
            if (_console == null)
            {
                return false;
            }

            if (Is(type, _console))
            {
                sink = new LogSink(LogSinkFamily.Console, "Console." + method.Name);
                return true;
            }

            // Console.Out.WriteLine(…) / Console.Error.Write(…): a TextWriter method called on Console's writer
            if (!method.IsStatic && DerivesFrom(type, _textWriter)
                && ConstantStrings.Unwrap(invocation.Instance) is IPropertyReferenceOperation { Property: { } writer }
                && Is(writer.ContainingType, _console)
                && (writer.Name == "Out" || writer.Name == "Error"))
            {
                sink = new LogSink(LogSinkFamily.Console, "Console." + writer.Name + "." + method.Name);
                return true;
            }

            return false;
        }

        private bool TryDebugOrTrace(IMethodSymbol method, INamedTypeSymbol type, out LogSink sink)
        {
            sink = default;
            if (Is(type, _debug))
            {
                sink = new LogSink(LogSinkFamily.DebugTrace, "Debug." + method.Name);
                return true;
            }

            if (Is(type, _trace))
            {
                sink = new LogSink(LogSinkFamily.DebugTrace, "Trace." + method.Name);
                return true;
            }

            return false;
        }

        private bool TryMicrosoftLogging(IMethodSymbol method, INamedTypeSymbol type, out LogSink sink)
        {
            sink = default;
            if (_melLogger == null && _melLoggerExtensions == null)
            {
                return false;
            }

            if (Is(type, _melLoggerExtensions) || (!method.IsStatic && (method.Name == "Log" || method.Name == "BeginScope") && IsOrImplements(type, _melLogger)))
            {
                sink = new LogSink(LogSinkFamily.MicrosoftLogging, "ILogger." + method.Name);
                return true;
            }

            return false;
        }

        private bool TrySerilog(IMethodSymbol method, INamedTypeSymbol type, out LogSink sink)
        {
            sink = default;
            if (_serilogLog == null && _serilogLogger == null)
            {
                return false;
            }

            if (Is(type, _serilogLog))
            {
                sink = new LogSink(LogSinkFamily.Serilog, "Serilog Log." + method.Name);
                return true;
            }

            if (!method.IsStatic && IsOrImplements(type, _serilogLogger))
            {
                sink = new LogSink(LogSinkFamily.Serilog, "Serilog ILogger." + method.Name);
                return true;
            }

            return false;
        }

        private bool TryNLog(IMethodSymbol method, INamedTypeSymbol type, out LogSink sink)
        {
            sink = default;
            if (_nlogLogger == null && _nlogILogger == null && _nlogILoggerBase == null)
            {
                return false;
            }

            if (!method.IsStatic && (DerivesFrom(type, _nlogLogger) || IsOrImplements(type, _nlogILogger) || IsOrImplements(type, _nlogILoggerBase)))
            {
                sink = new LogSink(LogSinkFamily.NLog, "NLog " + type.Name + "." + method.Name);
                return true;
            }

            return false;
        }

        private bool TryLog4Net(IMethodSymbol method, INamedTypeSymbol type, out LogSink sink)
        {
            sink = default;
            if (_log4netLog != null && !method.IsStatic && IsOrImplements(type, _log4netLog))
            {
                sink = new LogSink(LogSinkFamily.Log4Net, "log4net ILog." + method.Name);
                return true;
            }

            return false;
        }

        private bool TryLoggerMessage(IMethodSymbol method, out LogSink sink)
        {
            sink = default;
            if (_loggerMessageAttribute == null)
            {
                return false;
            }

            // the generator's methods are partial; the attribute sits on the defining declaration. Asked first: for
            // a metadata or non-partial method (nearly every call) these are type tests on the symbol, no data read
            var definition = method.PartialDefinitionPart ?? method;
            if (!definition.IsPartialDefinition || method.MethodKind != MethodKind.Ordinary)
            {
                return false;
            }

            foreach (var attribute in definition.GetAttributes())
            {
                if (Is(attribute.AttributeClass, _loggerMessageAttribute))
                {
                    sink = new LogSink(LogSinkFamily.LoggerMessage, "[LoggerMessage] method '" + method.Name + "'");
                    return true;
                }
            }

            return false;
        }

        private static bool IsOrImplements(INamedTypeSymbol type, INamedTypeSymbol? expected)
        {
            if (expected == null)
            {
                return false;
            }

            if (Is(type, expected) || DerivesFrom(type, expected))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, expected))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
