package com.acme.rma.monitor.application;

import com.acme.rma.monitor.domain.SlaClock;
import com.acme.rma.platform.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** What ops can read about clocks. */
@ApplicationScoped
@Transactional
public class SlaQueries {

  private final SlaClockStore store;

  public SlaQueries(SlaClockStore store) {
    this.store = store;
  }

  public Optional<SlaClock> get(String rmaNumber) {
    return store.find(rmaNumber);
  }

  public Page<SlaClock> list(
      SlaClockStore.Filter filter, boolean newestDueFirst, Page.Request request) {
    SlaClockStore.Slice slice =
        store.list(filter, newestDueFirst, request.offset(), request.size());
    return new Page<>(slice.items(), request.page(), request.size(), slice.total());
  }

  public List<SlaClockStore.Count> countByStateAndLevel() {
    return store.countByStateAndLevel();
  }
}
