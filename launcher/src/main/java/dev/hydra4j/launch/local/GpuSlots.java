package dev.hydra4j.launch.local;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The GPUs the local launcher hands out ({@code hydra.launcher.gpus}), cut into fixed slots of
 * {@code gpus_per_job} ids each. A running job holds one slot, so two jobs running at once never
 * share a GPU, and at most {@link #count()} jobs run at once. A job sees its slot as {@code
 * CUDA_VISIBLE_DEVICES=0,1}.
 *
 * @param slots the slots, each a list of device ids; empty when jobs get no GPUs
 * @param unused ids left over when {@code gpus_per_job} does not divide their number
 * @param note said once when the sweep starts (e.g. why {@code auto} found no GPUs), or {@code
 *     null}
 */
record GpuSlots(List<List<Long>> slots, List<Long> unused, String note) {

  /** Jobs get no GPU slots, and the launcher sets no CUDA variable. */
  static final GpuSlots NONE = new GpuSlots(List.of(), List.of(), null);

  /** The variable a job's slot is given in. */
  static final String VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";

  /**
   * Makes device ids count as nvidia-smi numbers them (PCI bus order) rather than CUDA's own
   * fastest-first order, so that the ids a user lists are the GPUs nvidia-smi shows.
   */
  static final String DEVICE_ORDER = "CUDA_DEVICE_ORDER";

  /** The status field (in {@code status.json}) that records a job's GPUs. */
  static final String STATUS_FIELD = "cuda_visible_devices";

  public GpuSlots {
    slots = slots.stream().map(List::copyOf).toList();
    unused = List.copyOf(unused);
  }

  /** {@code gpus} cut into slots of {@code perJob}, in the order given. */
  static GpuSlots of(List<Long> gpus, int perJob, String note) {
    List<List<Long>> slots = new ArrayList<>();
    int whole = gpus.size() - gpus.size() % perJob;
    for (int first = 0; first < whole; first += perJob) {
      slots.add(gpus.subList(first, first + perJob));
    }
    return new GpuSlots(slots, gpus.subList(whole, gpus.size()), note);
  }

  /** No slots: jobs run without a CUDA variable; {@code note} says why, once. */
  static GpuSlots none(String note) {
    return new GpuSlots(List.of(), List.of(), note);
  }

  boolean isEmpty() {
    return slots.isEmpty();
  }

  int count() {
    return slots.size();
  }

  /** Slot {@code slot} as the job sees it: {@code 0,1}. */
  String devices(int slot) {
    return slots.get(slot).stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** One line for the launcher log. */
  String describe() {
    StringBuilder line = new StringBuilder(count() + " GPU slot(s):");
    for (int slot = 0; slot < count(); slot++) {
      line.append(" [").append(devices(slot)).append(']');
    }
    if (!unused.isEmpty()) {
      line.append("; unused ").append(unused);
    }
    return line.toString();
  }
}
