package airline_test

import (
	"context"
	"errors"
	"testing"

	"github.com/toolgym/toolgym/env/taubench"
	"github.com/toolgym/toolgym/env/taubench/airline"
	"github.com/toolgym/toolgym/env/taubench/internal/tautest"
	"github.com/toolgym/toolgym/tool"
)

// toolCases are call sequences, each on a fresh env, with the
// observations and final data hash ("" when unchanged) the reference
// gives (computed by running its tools under CPython 3.11). They walk
// every tool's error paths, with arguments of wrong types among them.
var toolCases = []tautest.ToolCase{
	{Name: "book", Calls: []tautest.CaseCall{
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "sha256:2ea4178360865ac23aeb7ac57f09cbbdcec8aa7466bd04240bc652ae52d8d0aa"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: payment method certificate_7504069 not found"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": 255}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "sha256:902ae7b785bad9738fd7cdb4af0fd7ecd7a421ffc10fdfba9c0b1405d347243a"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": 255}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "sha256:dad36cf87bfb49df32ca8d619a80ffab3a9586ef9582063f85fd9803c5eb1871"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": 255}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "sha256:dad36cf87bfb49df32ca8d619a80ffab3a9586ef9582063f85fd9803c5eb1871"},
		{Name: "get_user_details", Args: `{"user_id": "mia_li_3668"}`, Want: "sha256:ba6ca7135b267e9db38819d1d79a06413e297cea51ab54823cd8d1428a5cd8ed"},
	}, Hash: "f2707c91f0b3fd56baaf95d3cf930a502add9194a78633046c849d325f96c9b4"},
	{Name: "book errors", Calls: []tautest.CaseCall{
		{Name: "book_reservation", Args: `{"user_id": "nobody_1", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: user not found"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT999", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: flight HAT999 not found"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-06-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: flight HAT136 not found on date 2024-06-20"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-01"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: flight HAT001 not available on date 2024-05-01"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-16"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}, {"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: not enough seats on flight HAT001"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "gift_card_0", "amount": 255}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: payment method gift_card_0 not found"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 1000}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: not enough balance in payment method certificate_7504069"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": 100}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: payment amount does not add up, total price is 255, but paid 100"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": 255.0}, {"payment_id": "credit_card_4421486", "amount": 0.5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: payment amount does not add up, total price is 255, but paid 255.5"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "first", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: 'first'"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": "HAT136", "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: string indices must be integers, not 'str'"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": "2", "insurance": "no"}`, Want: "Error: unsupported operand type(s) for +=: 'int' and 'str'"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": 5, "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: object of type 'int' has no len()"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "yes"}`, Want: "Error: payment amount does not add up, total price is 285, but paid 255"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 250}, {"payment_id": "credit_card_4421486", "amount": 5}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: payment amount does not add up, total price is 0, but paid 255"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486", "amount": "255"}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: unsupported operand type(s) for +: 'int' and 'str'"},
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "credit_card_4421486"}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: 'amount'"},
	}, Hash: ""},
	{Name: "book duplicate certificate", Calls: []tautest.CaseCall{
		{Name: "book_reservation", Args: `{"user_id": "mia_li_3668", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "certificate_7504069", "amount": 125}, {"payment_id": "certificate_7504069", "amount": 130}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "Error: 'certificate_7504069'"},
		{Name: "get_user_details", Args: `{"user_id": "mia_li_3668"}`, Want: "sha256:2358a3cd7323db7b4971a56696d8abdd448f8cd121f445b68babc7819c70d0ae"},
	}, Hash: "56daa4f15db07e737981cabb755663fa11b7ed72f0adf1cf984dd77d9727434d"},
	{Name: "book with gift card", Calls: []tautest.CaseCall{
		{Name: "book_reservation", Args: `{"user_id": "mei_hernandez_8984", "origin": "JFK", "destination": "SEA", "flight_type": "one_way", "cabin": "economy", "flights": [{"flight_number": "HAT136", "date": "2024-05-20"}, {"flight_number": "HAT039", "date": "2024-05-20"}], "passengers": [{"first_name": "Mia", "last_name": "Li", "dob": "1990-04-05"}], "payment_methods": [{"payment_id": "gift_card_5309492", "amount": 55}, {"payment_id": "credit_card_2140654", "amount": 200}], "total_baggages": 3, "nonfree_baggages": 0, "insurance": "no"}`, Want: "sha256:2e3e04f79459fe0e2a5e357542cd9c164e97e3420dfc8d67911d5402f137380e"},
		{Name: "get_user_details", Args: `{"user_id": "mei_hernandez_8984"}`, Want: "sha256:8262fe4da1a8d423e5c17ac7163c0733839393f2aaa87f6b35fda3249e073873"},
	}, Hash: "46edddb5c772b1c7f08aab68bf7a50c58b6edec1a3c537d22f76bdaf96ee4f5c"},
	{Name: "cancel", Calls: []tautest.CaseCall{
		{Name: "cancel_reservation", Args: `{"reservation_id": "R9QDGB"}`, Want: "sha256:c81a52ef3c94455208140d7b99b43a91a790be99629f856d2ced2f25d25132a2"},
		{Name: "cancel_reservation", Args: `{"reservation_id": "R9QDGB"}`, Want: "sha256:41e772e04b28c05d3010161d8d6cf5c95acfd7c9e554c4932497f2073314f9ef"},
		{Name: "cancel_reservation", Args: `{"reservation_id": "ZZZZZZ"}`, Want: "Error: reservation not found"},
		{Name: "cancel_reservation", Args: `{"reservation_id": 5}`, Want: "Error: reservation not found"},
		{Name: "cancel_reservation", Args: `{"reservation_id": {}}`, Want: "Error: unhashable type: 'dict'"},
	}, Hash: "04b5496a938800685fb01b02f73ea1f743eca6eab6d95975f6dc7e826b6bc4f5"},
	{Name: "details", Calls: []tautest.CaseCall{
		{Name: "get_reservation_details", Args: `{"reservation_id": "R9QDGB"}`, Want: "sha256:84d59b5dc03097ee5e8a1d22c2468a340067dea407a0eec6251800d5ad873784"},
		{Name: "get_reservation_details", Args: `{"reservation_id": "ZZZZZZ"}`, Want: "Error: user not found"},
		{Name: "get_user_details", Args: `{"user_id": "mei_hernandez_8984"}`, Want: "sha256:92bfb2c14ef6b3d1f9f53d396b6b94d6d372b7eba0d8f5dc0985f24e5d2d3631"},
		{Name: "get_user_details", Args: `{"user_id": "nobody"}`, Want: "Error: user not found"},
		{Name: "list_all_airports", Args: `{}`, Want: "sha256:01d5742ada6b9d555879bf2677a99c8d0ffa80e66221bec5484112857b62a1a3"},
	}, Hash: ""},
	{Name: "search", Calls: []tautest.CaseCall{
		{Name: "search_direct_flight", Args: `{"origin": "PHL", "destination": "LGA", "date": "2024-05-16"}`, Want: "sha256:498534caa2516109ad294523723c91df51e7097865c780d61c16846ff86663b6"},
		{Name: "search_direct_flight", Args: `{"origin": "PHL", "destination": "LGA", "date": 20240516}`, Want: "[]"},
		{Name: "search_direct_flight", Args: `{"origin": "PHL", "destination": "LGA", "date": ["2024-05-16"]}`, Want: "Error: unhashable type: 'list'"},
		{Name: "search_direct_flight", Args: `{"origin": "XXX", "destination": "LGA", "date": ["2024-05-16"]}`, Want: "[]"},
		{Name: "search_onestop_flight", Args: `{"origin": "JFK", "destination": "SEA", "date": "2024-05-20"}`, Want: "sha256:01ee9877b2e2f9146880fed80b50f169b0803be6707d401d8c26cbae1207dc6c"},
		{Name: "search_onestop_flight", Args: `{"origin": "JFK", "destination": "SEA", "date": "2024-05-x0"}`, Want: "[]"},
		{Name: "search_onestop_flight", Args: `{"origin": "JFK", "destination": "SEA", "date": 5}`, Want: "[]"},
		{Name: "search_onestop_flight", Args: `{"origin": "JFK", "destination": "SEA", "date": "2024-05-30"}`, Want: "sha256:b4ab078e390dd379775baea7d9f3c5de54a08356503cee9013ff95a2f5c376af"},
		{Name: "search_onestop_flight", Args: `{"origin": "JFK", "destination": "SEA", "date": ["2024-05-20"]}`, Want: "Error: unhashable type: 'list'"},
	}, Hash: ""},
	{Name: "certificates", Calls: []tautest.CaseCall{
		{Name: "send_certificate", Args: `{"user_id": "mei_hernandez_8984", "amount": 100}`, Want: "Certificate certificate_3221322 added to user mei_hernandez_8984 with amount 100."},
		{Name: "send_certificate", Args: `{"user_id": "mei_hernandez_8984", "amount": 150.0}`, Want: "Certificate certificate_3221323 added to user mei_hernandez_8984 with amount 150.0."},
		{Name: "send_certificate", Args: `{"user_id": "mei_hernandez_8984", "amount": "abc"}`, Want: "Certificate certificate_3221324 added to user mei_hernandez_8984 with amount abc."},
		{Name: "send_certificate", Args: `{"user_id": "mei_hernandez_8984", "amount": 100}`, Want: "None"},
		{Name: "send_certificate", Args: `{"user_id": "nobody", "amount": 100}`, Want: "Error: user not found"},
		{Name: "send_certificate", Args: `{"user_id": ["x"], "amount": 100}`, Want: "Error: unhashable type: 'list'"},
	}, Hash: "1a100ec2f29db01f202d35a5ddde3d4c24b32230e79d52895a851ff64a34737e"},
	{Name: "baggages", Calls: []tautest.CaseCall{
		{Name: "update_reservation_baggages", Args: `{"reservation_id": "ZZZZZZ", "total_baggages": 3, "nonfree_baggages": 2, "payment_id": "credit_card_6082923"}`, Want: "Error: reservation not found"},
		{Name: "update_reservation_baggages", Args: `{"reservation_id": "R9QDGB", "total_baggages": 3, "nonfree_baggages": 2, "payment_id": "x"}`, Want: "Error: payment method not found"},
		{Name: "update_reservation_baggages", Args: `{"reservation_id": "R9QDGB", "total_baggages": 3, "nonfree_baggages": 2, "payment_id": "certificate_7502997"}`, Want: "Error: certificate cannot be used to update reservation"},
		{Name: "update_reservation_baggages", Args: `{"reservation_id": "R9QDGB", "total_baggages": 3, "nonfree_baggages": 2, "payment_id": "gift_card_5309492"}`, Want: "Error: gift card balance is not enough"},
		{Name: "update_reservation_baggages", Args: `{"reservation_id": "R9QDGB", "total_baggages": 3, "nonfree_baggages": "2", "payment_id": "gift_card_5309492"}`, Want: "Error: unsupported operand type(s) for -: 'str' and 'int'"},
		{Name: "update_reservation_baggages", Args: `{"reservation_id": "R9QDGB", "total_baggages": 3, "nonfree_baggages": 1, "payment_id": "gift_card_5309492"}`, Want: "sha256:98d4af318fc6b27052f16f049a7a4921b097eb520729c9a0dd5b2d8a89b6151f"},
		{Name: "update_reservation_baggages", Args: `{"reservation_id": "R9QDGB", "total_baggages": 4, "nonfree_baggages": 2, "payment_id": "credit_card_6082923"}`, Want: "sha256:b3ad6ebf1b29db467b7fff6c4973bc84b3673784d4bfe5e41c3d22ba8656b727"},
		{Name: "update_reservation_baggages", Args: `{"reservation_id": "R9QDGB", "total_baggages": 1, "nonfree_baggages": 0, "payment_id": "credit_card_6082923"}`, Want: "sha256:54cf1382bc102ffe064dae3bcdfb853b7b5397f277c70a1e8fe2b7d54595590c"},
		{Name: "update_reservation_baggages", Args: `{"reservation_id": "R9QDGB", "total_baggages": 1, "nonfree_baggages": 1.5, "payment_id": "gift_card_5309492"}`, Want: "Error: gift card balance is not enough"},
	}, Hash: "8a55a5b0441bf92cbaf030a2d2cbec763f738b7e3640488e0296603806d28797"},
	{Name: "flights errors", Calls: []tautest.CaseCall{
		{Name: "update_reservation_flights", Args: `{"reservation_id": "ZZZZZZ", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "credit_card_6082923"}`, Want: "Error: reservation not found"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT999", "date": "2024-05-28"}], "payment_id": "credit_card_6082923"}`, Want: "Error: flight HAT999 not found"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "business", "flights": [{"flight_number": "HAT034", "date": "2024-06-28"}], "payment_id": "credit_card_6082923"}`, Want: "Error: flight HAT034 not found on date 2024-06-28"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT001", "date": "2024-05-01"}], "payment_id": "credit_card_6082923"}`, Want: "Error: flight HAT001 not available on date 2024-05-01"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "x"}`, Want: "Error: payment method not found"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}], "payment_id": "certificate_7502997"}`, Want: "Error: certificate cannot be used to update reservation"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "business", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "gift_card_5309492"}`, Want: "Error: gift card balance is not enough"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "first", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "credit_card_6082923"}`, Want: "Error: 'first'"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [5], "payment_id": "credit_card_6082923"}`, Want: "Error: 'int' object is not subscriptable"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"date": "2024-05-28"}], "payment_id": "credit_card_6082923"}`, Want: "Error: 'flight_number'"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": "HAT", "payment_id": "credit_card_6082923"}`, Want: "Error: string indices must be integers, not 'str'"},
	}, Hash: ""},
	{Name: "flights same", Calls: []tautest.CaseCall{
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "credit_card_6082923"}`, Want: "sha256:9587b5b63dc62e5e1b8c87f88136f1b2cfc37f4c46ae4b919541652c713c650d"},
		{Name: "get_reservation_details", Args: `{"reservation_id": "R9QDGB"}`, Want: "sha256:9587b5b63dc62e5e1b8c87f88136f1b2cfc37f4c46ae4b919541652c713c650d"},
	}, Hash: ""},
	{Name: "flights business", Calls: []tautest.CaseCall{
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "business", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "credit_card_6082923"}`, Want: "sha256:4d6e9557794724ade8ca8ba204946f19ec92b8e583543ee1a5b1e29449c8b8e8"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}], "payment_id": "credit_card_6082923"}`, Want: "sha256:6b45c9c481151acbde312cbd82d7fbc48b68b49c513f60b014c09a7ffc26544e"},
	}, Hash: "bc3f3a4e710563d990b2e01a43b03d64368f2c97bd5bb5ceb4d03b7dcc7e846b"},
	{Name: "flights gift card", Calls: []tautest.CaseCall{
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "economy", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}], "payment_id": "gift_card_5309492"}`, Want: "sha256:1639ae09b8ffcad83c36f0bc62defe2eaa0fd45ce6df98c59ade492332f76c13"},
	}, Hash: "23c3beccd29da281bb71e45a498b69b7d5f775ef42539c5286957688bb41eb3d"},
	{Name: "passengers", Calls: []tautest.CaseCall{
		{Name: "update_reservation_passengers", Args: `{"reservation_id": "ZZZZZZ", "passengers": []}`, Want: "Error: reservation not found"},
		{Name: "update_reservation_passengers", Args: `{"reservation_id": "R9QDGB", "passengers": []}`, Want: "Error: number of passengers does not match"},
		{Name: "update_reservation_passengers", Args: `{"reservation_id": "R9QDGB", "passengers": 3}`, Want: "Error: object of type 'int' has no len()"},
		{Name: "update_reservation_passengers", Args: `{"reservation_id": "R9QDGB", "passengers": [{"first_name": "A", "last_name": "B", "dob": "2000-01-01"}, {"first_name": "C", "last_name": "D", "dob": "2000-01-01"}, {"first_name": "E", "last_name": "F", "dob": "2000-01-01"}]}`, Want: "sha256:cee1073e015a21c00c4c3ef2e5e4ccc584242c8ab34cc7a8ebed5c11c70d5f1c"},
		{Name: "update_reservation_passengers", Args: `{"reservation_id": "R9QDGB", "passengers": "abc"}`, Want: "sha256:2d5bcdb3f668d81d68865f2b5d911c64b67ce7739d2e8c6cd3bfa127f6f7c8e5"},
		{Name: "update_reservation_flights", Args: `{"reservation_id": "R9QDGB", "cabin": "business", "flights": [{"flight_number": "HAT034", "date": "2024-05-28"}, {"flight_number": "HAT026", "date": "2024-05-28"}, {"flight_number": "HAT247", "date": "2024-05-30"}, {"flight_number": "HAT232", "date": "2024-05-30"}], "payment_id": "credit_card_6082923"}`, Want: "sha256:f48d6998190011a223e70c73e7caab1f202036af0e221cf857adb43828a52c38"},
	}, Hash: "97833b23fc5dc8c8acc0afc47a54cd331f5bd845e699be01142543c46370de4c"},
	{Name: "generic", Calls: []tautest.CaseCall{
		{Name: "calculate", Args: `{"expression": "250 + 5"}`, Want: "255.0"},
		{Name: "think", Args: `{"thought": "x"}`, Want: ""},
		{Name: "transfer_to_human_agents", Args: `{"summary": "s"}`, Want: "Transfer successful"},
		{Name: "no_such_tool", Args: `{}`, Want: "Unknown action no_such_tool"},
	}, Hash: ""},
}

// TestToolCases runs toolCases, each on a fresh env.
func TestToolCases(t *testing.T) { tautest.CheckToolCases(t, loadData(t), toolCases) }

// TestCallErrors checks the argument errors Python raises when binding
// invoke's parameters, and the None that send_certificate returns once a
// user holds its three certificates.
func TestCallErrors(t *testing.T) {
	e := loadData(t).New()
	cases := []struct {
		name, args string
		kind       tool.Kind
		want       string
	}{
		{"book_reservation", `{"user_id": "mia_li_3668"}`, tool.KindInvalidArguments, "Error: BookReservation.invoke() missing 10 required positional arguments: 'origin', 'destination', 'flight_type', 'cabin', 'flights', 'passengers', 'payment_methods', 'total_baggages', 'nonfree_baggages', and 'insurance'"},
		{"update_reservation_baggages", `{"reservation_id": "R9QDGB", "total_baggages": 1, "nonfree_baggages": 0}`, tool.KindInvalidArguments, "Error: UpdateReservationBaggages.invoke() missing 1 required positional argument: 'payment_id'"},
		{"search_direct_flight", `{"origin": "JFK", "destination": "SEA", "date": "2024-05-20", "cabin": "economy"}`, tool.KindInvalidArguments, "Error: SearchDirectFlight.invoke() got an unexpected keyword argument 'cabin'"},
		{"list_all_airports", `{"data": 1}`, tool.KindInvalidArguments, "Error: tau_bench.envs.airline.tools.list_all_airports.ListAllAirports.invoke() got multiple values for keyword argument 'data'"},
		{"get_reservation_details", `{"reservation_id": ["R9QDGB"]}`, tool.KindFailed, "Error: unhashable type: 'list'"},
		{"get_reservation_details", `[]`, tool.KindInvalidJSON, "Error: arguments of get_reservation_details must be a JSON object, got an array"},
	}
	for _, c := range cases {
		r := e.Call(context.Background(), tool.Call{Name: c.name, Arguments: c.args})
		if r.Error == nil || r.Error.Kind != c.kind || r.Text() != c.want {
			t.Errorf("%s(%s) = %+v, want kind %s and %q", c.name, c.args, r, c.kind, c.want)
		}
	}
	for range 3 {
		if r := e.Call(context.Background(), tool.Call{Name: "send_certificate", Arguments: `{"user_id": "mia_li_3668", "amount": 50}`}); r.Error != nil {
			t.Fatal(r.Error)
		}
	}
	r := e.Call(context.Background(), tool.Call{Name: "send_certificate", Arguments: `{"user_id": "mia_li_3668", "amount": 50}`})
	if !errors.Is(r.Error, taubench.ErrNoObservation) || r.Error.Kind != taubench.KindNoObservation {
		t.Errorf("fourth certificate: %+v, want the no-observation error", r)
	}
}

// TestTools checks the specs against the reference's get_info(): the
// SHA-256 of json.dumps([tool.get_info() for tool in ALL_TOOLS]) as
// CPython prints it.
func TestTools(t *testing.T) {
	specs := airline.Tools()
	tautest.CheckTools(t, specs, "book_reservation calculate cancel_reservation get_reservation_details get_user_details list_all_airports search_direct_flight search_onestop_flight send_certificate think transfer_to_human_agents update_reservation_baggages update_reservation_flights update_reservation_passengers", "aa4c00d2b0ae4dcb6d38642e82062aa377f827dd887a44f57ffed6e20dec1904")
}
