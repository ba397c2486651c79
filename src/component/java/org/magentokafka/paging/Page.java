package org.magentokafka.paging;

import java.util.List;
import java.util.Map;

/** One page of a searchCriteria collection: its items as Magento returned them. */
public record Page(int number, long totalCount, List<Map<String, Object>> items) {
}
