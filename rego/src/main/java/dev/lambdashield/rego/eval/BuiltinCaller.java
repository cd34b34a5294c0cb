package dev.lambdashield.rego.eval;

import dev.lambdashield.rego.ast.Location;
import dev.lambdashield.rego.builtins.BuiltinContext;
import dev.lambdashield.rego.builtins.BuiltinException;
import dev.lambdashield.rego.builtins.BuiltinRegistry;
import dev.lambdashield.rego.errors.ErrorCode;
import dev.lambdashield.rego.errors.RegoException;
import dev.lambdashield.rego.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where built-in implementations are called and their failures wrapped: the
 * message gets the built-in's name, the error the call site. In non-strict mode a failure makes
 * the call undefined unless the built-in halts evaluation, as OPA does.
 */
final class BuiltinCaller {

    private final Evaluation ev;

    BuiltinCaller(Evaluation ev) {
        this.ev = ev;
    }

    /** Returns the result, or null when the call is undefined. */
    Value call(String name, Location at, List<Value> args) {
        Optional<BuiltinRegistry.Entry> entry = ev.program().functions().registry().lookup(name);
        if (entry.isEmpty()) {
            throw new RegoException(ErrorCode.EVAL_TYPE, "undefined function " + name, at);
        }
        try {
            return entry.get().function().call(new CallContext(name, at), args);
        } catch (BuiltinException e) {
            if (e.halts() || ev.strictBuiltinErrors()) {
                throw new RegoException(e.code(), name + ": " + e.getMessage(), at);
            }
            return null;
        } catch (RegoException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ev.strictBuiltinErrors()) {
                throw new RegoException(ErrorCode.EVAL_BUILTIN, name + ": " + e.getMessage(), at);
            }
            return null;
        }
    }

    /** The context of one call; the clock and cache are those of the whole query. */
    private final class CallContext implements BuiltinContext {
        private final String name;
        private final Location location;

        CallContext(String name, Location location) {
            this.name = name;
            this.location = location;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Location location() {
            return location;
        }

        @Override
        public long timeNowNs() {
            return ev.timeNowNs();
        }

        @Override
        public Map<Object, Object> queryCache() {
            return ev.queryCache();
        }

        @Override
        public void checkCancelled() {
            ev.limits().checkDeadline(location);
        }

        @Override
        public Map<String, Object> runtimeInfo() {
            return ev.runtimeInfo();
        }
    }
}
