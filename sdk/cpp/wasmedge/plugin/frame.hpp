// frame.hpp — the caller of a host function: its module instance, memories and executor.
#pragma once

#include "config.hpp"
#include "memory.hpp"

#include <cstdint>

namespace wasmedge::plugin {

class CallingFrame {
public:
  // A view of the frame the runtime passed to the host function (not owned; NULL is allowed and
  // means "no caller": no module, no memory).
  explicit CallingFrame(const WasmEdge_CallingFrameContext *frame) noexcept : frame_(frame) {}

  const WasmEdge_CallingFrameContext *get() const noexcept { return frame_; }

  // Memory `index` of the calling module; an empty Memory (size 0) when there is none.
  Memory memory(uint32_t index = 0) const noexcept {
    return Memory(frame_ ? WasmEdge_CallingFrameGetMemoryInstance(frame_, index) : nullptr);
  }
  // The calling module instance (owned by the runtime), or NULL.
  const WasmEdge_ModuleInstanceContext *module() const noexcept {
    return frame_ ? WasmEdge_CallingFrameGetModuleInstance(frame_) : nullptr;
  }
  // The executor running the caller (owned by the runtime), for WasmEdge_ExecutorInvoke, or NULL.
  WasmEdge_ExecutorContext *executor() const noexcept {
    return frame_ ? WasmEdge_CallingFrameGetExecutor(frame_) : nullptr;
  }

private:
  const WasmEdge_CallingFrameContext *frame_;
};

} // namespace wasmedge::plugin
