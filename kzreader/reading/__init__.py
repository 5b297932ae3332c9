"""Language-neutral engines that turn an analysed text into annotations: entities, sums, dates, events, links."""
